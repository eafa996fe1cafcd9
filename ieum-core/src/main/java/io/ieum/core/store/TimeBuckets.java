package io.ieum.core.store;

import io.ieum.core.id.MessageId;

/**
 * Maps timeline entries to time buckets. A bucket bounds the size of one storage partition: a busy
 * room spreads over many buckets, history paging walks them backwards.
 */
public final class TimeBuckets {

    /** One bucket per UTC day (86,400,000 ms). */
    public static final long BUCKET_MILLIS = 86_400_000L;

    private TimeBuckets() {}

    public static long bucketOf(MessageId id) {
        return bucketOfMillis(id.epochMillis());
    }

    public static long bucketOfMillis(long epochMillis) {
        return Math.floorDiv(epochMillis, BUCKET_MILLIS);
    }
}
