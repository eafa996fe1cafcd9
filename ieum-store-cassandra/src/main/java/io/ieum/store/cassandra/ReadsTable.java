package io.ieum.store.cassandra;

/** {@code reads}: each member's read position in a room; the cell's write timestamp encodes the position. */
final class ReadsTable {
    static final String NAME = "reads";
    static final String ROOM_ID = "room_id";
    static final String USER_ID = "user_id";
    static final String POSITION = "position";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + ROOM_ID + " uuid, " + USER_ID + " uuid, " + POSITION + " uuid, "
            + "PRIMARY KEY ((" + ROOM_ID + "), " + USER_ID + "))";

    private ReadsTable() {}
}
