package io.ieum.client.realtime;

import java.time.Instant;
import java.util.UUID;

/** Ordering of entry IDs (UUIDv7), which is the order of a room. */
public final class EntryIds {

    private EntryIds() {}

    /**
     * Compares as unsigned 128-bit numbers, which is time order for UUIDv7. Two IDs in the
     * canonical lower-case form the server sends (hex digits, dashes at fixed places) compare the
     * same way as text, which avoids parsing on every delivered entry.
     */
    public static int compare(String a, String b) {
        if (isCanonical(a) && isCanonical(b)) {
            return a.compareTo(b);
        }
        return compare(UUID.fromString(a), UUID.fromString(b));
    }

    /** Whether an ID is in the canonical lower-case form, in which text order is ID order. */
    public static boolean isCanonical(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
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
