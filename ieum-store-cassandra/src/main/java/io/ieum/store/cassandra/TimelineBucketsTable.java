package io.ieum.store.cassandra;

/** {@code timeline_buckets}: the non-empty buckets of each room, newest first, so paging skips empty days. */
final class TimelineBucketsTable {
    static final String NAME = "timeline_buckets";
    static final String ROOM_ID = "room_id";
    static final String BUCKET = "bucket";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + ROOM_ID + " uuid, " + BUCKET + " bigint, PRIMARY KEY ((" + ROOM_ID + "), " + BUCKET + ")) "
            + "WITH CLUSTERING ORDER BY (" + BUCKET + " DESC)";

    private TimelineBucketsTable() {}
}
