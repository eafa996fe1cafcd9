package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/**
 * A business channel: a shop's public face. {@code openingHours} and {@code contact} are free text
 * shown to customers; the booking calendar's working hours are kept apart ({@link BookingCalendar}).
 *
 * @param picture SHA-256 of an uploaded image, or null
 */
public record Channel(ChannelId id, String name, String description, String openingHours, String contact,
                      String picture, UserId owner, Instant createdAt) {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 2000;

    public Channel {
        requireNonNull(id, "id");
        name = TextRules.text("name", name, 1, MAX_NAME);
        description = TextRules.text("description", description, 0, MAX_TEXT);
        openingHours = TextRules.text("openingHours", openingHours, 0, 500);
        contact = TextRules.text("contact", contact, 0, 500);
        if (picture != null && !picture.matches("[0-9a-f]{64}")) {
            throw io.ieum.core.error.IeumException.invalid("picture: '" + picture + "' (expected: a SHA-256 hex digest or null)");
        }
        requireNonNull(owner, "owner");
        requireNonNull(createdAt, "createdAt");
    }

    public Channel withDetails(String name, String description, String openingHours, String contact, String picture) {
        return new Channel(id, name, description, openingHours, contact, picture, owner, createdAt);
    }
}
