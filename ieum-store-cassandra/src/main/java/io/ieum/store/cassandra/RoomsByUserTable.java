package io.ieum.store.cassandra;

/** {@code rooms_by_user}: the rooms a user is in, one partition per user (the other side of members_by_room). */
final class RoomsByUserTable {
    static final String NAME = "rooms_by_user";
    static final String USER_ID = "user_id";
    static final String ROOM_ID = "room_id";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + USER_ID + " uuid, " + ROOM_ID + " uuid, PRIMARY KEY ((" + USER_ID + "), " + ROOM_ID + "))";

    private RoomsByUserTable() {}
}
