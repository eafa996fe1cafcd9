package io.ieum.store.cassandra;

/** {@code usernames}: who holds each (lower-case) username. Claimed with the backend's only per-request LWT. */
final class UsernamesTable {
    static final String NAME = "usernames";
    static final String USERNAME = "username";
    static final String USER_ID = "user_id";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + USERNAME + " text PRIMARY KEY, " + USER_ID + " uuid)";

    private UsernamesTable() {}
}
