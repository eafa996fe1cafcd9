package io.ieum.core.id;

import java.time.Instant;
import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** Creation and inspection of the time-ordered UUIDs (version 7) used for every ID in Ieum. */
public final class Ids {

    private Ids() {}

    /** A fresh UUIDv7, monotonic within this JVM. */
    public static UUID newTimeOrdered() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** A UUIDv7 whose timestamp is {@code at}, for clients that correct their clock against the server. */
    public static UUID timeOrderedAt(Instant at) {
        return UuidCreator.getTimeOrderedEpoch(at);
    }

    /** The millisecond timestamp of a UUIDv7. */
    public static long epochMillis(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("uuid: " + uuid + " (expected: version 7)");
        }
        return uuid.getMostSignificantBits() >>> 16;
    }

    /** The smallest UUIDv7 with the given millisecond timestamp: a lower bound for range scans. */
    public static UUID lowestAt(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L;
        long lsb = 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Compares two UUIDv7 as unsigned 128-bit numbers, which is their time order. */
    public static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** A name-based UUID (version 5 style via SHA-1), stable for the same input. */
    public static UUID nameBased(String name) {
        return UuidCreator.getNameBasedSha1(name);
    }

    static UUID parse(String field, String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw io.ieum.core.error.IeumException.invalid(field + ": '" + abbreviate(text) + "' (expected: a UUID)");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
