package io.ieum.store.cassandra;

/** {@code rooms}: one row per room. */
final class RoomsTable {
    static final String NAME = "rooms";
    static final String ROOM_ID = "room_id";
    static final String KIND = "kind";
    static final String ROOM_NAME = "name";
    static final String OWNER = "owner";
    static final String CREATED_AT = "created_at";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + ROOM_ID + " uuid PRIMARY KEY, " + KIND + " text, " + ROOM_NAME + " text, " + OWNER + " uuid, "
            + CREATED_AT + " timestamp)";

    private RoomsTable() {}
}
