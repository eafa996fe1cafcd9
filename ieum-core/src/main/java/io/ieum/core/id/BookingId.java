package io.ieum.core.id;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import io.ieum.core.error.IeumException;

/**
 * Identifies a booking. The customer's client makes it (UUIDv7) before the first try and reuses it on
 * every retry, on any site: it is the idempotency key, so a retried submission creates one.
 */
public record BookingId(UUID uuid) implements Comparable<BookingId> {

    public BookingId {
        requireNonNull(uuid, "uuid");
        if (uuid.version() != 7) {
            throw IeumException.invalid("bookingId: " + uuid + " (expected: a time-ordered UUID version 7)");
        }
    }

    public static BookingId generate() {
        return new BookingId(Ids.newTimeOrdered());
    }

    public static BookingId parse(String field, String text) {
        return new BookingId(Ids.parse(field, requireNonNull(text, field)));
    }

    public static BookingId of(String text) {
        return parse("bookingId", text);
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(Ids.epochMillis(uuid));
    }

    @Override
    public int compareTo(BookingId other) {
        return Ids.compare(uuid, other.uuid);
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
