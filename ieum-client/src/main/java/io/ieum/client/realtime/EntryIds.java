package io.ieum.client.realtime;

import java.time.Instant;
import java.util.UUID;

/** Ordering of entry IDs (UUIDv7), which is the order of a room. */
public final class EntryIds {

    private EntryIds() {}

    /**
     * Compares as unsigned 128-bit numbers, which is time order for UUIDv7. (The cursor, the one
     * caller per delivered entry, compares UUID halves in {@link HighestEntryId} and needs no text.)
     */
    public static int compare(String a, String b) {
        return compare(UUID.fromString(a), UUID.fromString(b));
    }

    public static int compare(UUID a, UUID b) {
        return compare(a.getMostSignificantBits(), a.getLeastSignificantBits(),
                b.getMostSignificantBits(), b.getLeastSignificantBits());
    }

    /** The same for IDs given as their halves. */
    public static int compare(long msbA, long lsbA, long msbB, long lsbB) {
        int c = Long.compareUnsigned(msbA, msbB);
        return c != 0 ? c : Long.compareUnsigned(lsbA, lsbB);
    }

    /** The larger of two IDs; {@code current} may be null. */
    public static String max(String current, String candidate) {
        return current == null || compare(candidate, current) > 0 ? candidate : current;
    }

    /** The millisecond timestamp a UUIDv7 carries. */
    public static long epochMillis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }

    /** The smallest UUIDv7 of the given instant: a cursor that catches everything created from then on. */
    public static String lowestAt(Instant at) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L;
        return new UUID(msb, 0x8000_0000_0000_0000L).toString();
    }
}
