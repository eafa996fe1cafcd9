package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import io.ieum.core.id.ChannelId;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.UserId;

/** A notice from a channel to all its followers; {@code id} is time-ordered (its time is when it was posted). */
public record Announcement(ChannelId channelId, MessageId id, UserId author, String text) {

    public static final int MAX_TEXT = 2000;

    public Announcement {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        requireNonNull(author, "author");
        text = TextRules.text("text", text, 1, MAX_TEXT);
    }
}
