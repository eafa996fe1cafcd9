package io.ieum.core.id;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import io.ieum.core.error.IeumException;

/**
 * Identifies an entry of a room's timeline. Clients create it (UUIDv7) before the first send and
 * retry with the same value, so a repeated send is recognised as the same write. IDs compared as
 * unsigned 128-bit numbers give the one order every member sees.
 */
public record MessageId(UUID uuid) implements Comparable<MessageId> {

    public MessageId {
        requireNonNull(uuid, "uuid");
        if (uuid.version() != 7) {
            throw IeumException.invalid("id: " + uuid + " (expected: a time-ordered UUID version 7)");
        }
    }

    public static MessageId generate() {
        return new MessageId(Ids.newTimeOrdered());
    }

    public static MessageId parse(String field, String text) {
        return new MessageId(Ids.parse(field, requireNonNull(text, field)));
    }

    public static MessageId of(String text) {
        return parse("id", text);
    }

    /** The lowest possible ID at the given instant: everything created at or after it sorts above. */
    public static MessageId lowestAt(Instant at) {
        return new MessageId(Ids.lowestAt(at.toEpochMilli()));
    }

    public long epochMillis() {
        return Ids.epochMillis(uuid);
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(epochMillis());
    }

    @Override
    public int compareTo(MessageId other) {
        return Ids.compare(uuid, other.uuid);
    }

    public boolean isAfter(MessageId other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
