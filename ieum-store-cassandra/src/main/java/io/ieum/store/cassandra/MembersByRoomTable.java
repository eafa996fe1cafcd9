package io.ieum.store.cassandra;

/** {@code members_by_room}: a room's members, one partition per room. */
final class MembersByRoomTable {
    static final String NAME = "members_by_room";
    static final String ROOM_ID = "room_id";
    static final String USER_ID = "user_id";
    static final String ROLE = "role";
    static final String JOINED_AT = "joined_at";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + ROOM_ID + " uuid, " + USER_ID + " uuid, " + ROLE + " text, " + JOINED_AT + " timestamp, "
            + "PRIMARY KEY ((" + ROOM_ID + "), " + USER_ID + "))";

    private MembersByRoomTable() {}
}
