package io.ieum.store.cassandra;

/** {@code sessions_by_token}: a session found by the SHA-256 of its bearer token (every request does this). */
final class SessionsByTokenTable {
    static final String NAME = "sessions_by_token";
    static final String TOKEN_HASH = "token_hash";
    static final String SESSION_ID = "session_id";
    static final String USER_ID = "user_id";
    static final String DEVICE_NAME = "device_name";
    static final String CREATED_AT = "created_at";
    static final String EXPIRES_AT = "expires_at";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + TOKEN_HASH + " text PRIMARY KEY, " + SESSION_ID + " uuid, " + USER_ID + " uuid, "
            + DEVICE_NAME + " text, " + CREATED_AT + " timestamp, " + EXPIRES_AT + " timestamp)";

    private SessionsByTokenTable() {}
}
