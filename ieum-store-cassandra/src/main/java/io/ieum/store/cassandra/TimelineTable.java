package io.ieum.store.cassandra;

/**
 * {@code timeline}: every entry of every room, one partition per (room, UTC day), newest first.
 * Clustering by the {@code uuid} type orders UUIDv7 by time: Cassandra compares non-v1 UUIDs as
 * unsigned bytes.
 */
final class TimelineTable {
    static final String NAME = "timeline";
    static final String ROOM_ID = "room_id";
    static final String BUCKET = "bucket";
    static final String ID = "id";
    static final String SENDER = "sender";
    static final String KIND = "kind";
    static final String TEXT = "text";
    static final String REPLY_TO = "reply_to";
    static final String ATTACHMENTS = "attachments";
    static final String TARGET = "target";
    static final String DELETED = "deleted";

    /** sha256, name, content type, size. Frozen: one cell, so it is written (and erased) as a whole. */
    static final String ATTACHMENTS_TYPE = "frozen<list<frozen<tuple<text, text, text, bigint>>>>";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + ROOM_ID + " uuid, " + BUCKET + " bigint, " + ID + " uuid, " + SENDER + " uuid, " + KIND + " text, "
            + TEXT + " text, " + REPLY_TO + " uuid, " + ATTACHMENTS + " " + ATTACHMENTS_TYPE + ", "
            + TARGET + " text, " + DELETED + " boolean, "
            + "PRIMARY KEY ((" + ROOM_ID + ", " + BUCKET + "), " + ID + ")) "
            + "WITH CLUSTERING ORDER BY (" + ID + " DESC)";

    static final String ALL_COLUMNS = String.join(", ", ROOM_ID, ID, SENDER, KIND, TEXT, REPLY_TO, ATTACHMENTS, TARGET, DELETED);

    private TimelineTable() {}
}
