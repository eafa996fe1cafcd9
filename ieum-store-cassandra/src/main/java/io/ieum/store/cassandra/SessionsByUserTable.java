package io.ieum.store.cassandra;

/** {@code sessions_by_user}: a user's sessions, oldest first (clustered by creation time, then ID). */
final class SessionsByUserTable {
    static final String NAME = "sessions_by_user";
    static final String USER_ID = "user_id";
    static final String CREATED_AT = "created_at";
    static final String SESSION_ID = "session_id";
    static final String TOKEN_HASH = "token_hash";
    static final String DEVICE_NAME = "device_name";
    static final String EXPIRES_AT = "expires_at";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + USER_ID + " uuid, " + CREATED_AT + " timestamp, " + SESSION_ID + " uuid, " + TOKEN_HASH + " text, "
            + DEVICE_NAME + " text, " + EXPIRES_AT + " timestamp, "
            + "PRIMARY KEY ((" + USER_ID + "), " + CREATED_AT + ", " + SESSION_ID + ")) "
            + "WITH CLUSTERING ORDER BY (" + CREATED_AT + " ASC, " + SESSION_ID + " ASC)";

    private SessionsByUserTable() {}
}
