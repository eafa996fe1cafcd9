package io.ieum.store.cassandra;

/** {@code accounts_by_id}: one row per account. */
final class AccountsTable {
    static final String NAME = "accounts_by_id";
    static final String USER_ID = "user_id";
    static final String USERNAME = "username";
    static final String PASSWORD_HASH = "password_hash";
    static final String DISPLAY_NAME = "display_name";
    static final String STATUS_MESSAGE = "status_message";
    static final String AVATAR = "avatar";
    static final String CREATED_AT = "created_at";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + USER_ID + " uuid PRIMARY KEY, " + USERNAME + " text, " + PASSWORD_HASH + " text, "
            + DISPLAY_NAME + " text, " + STATUS_MESSAGE + " text, " + AVATAR + " text, " + CREATED_AT + " timestamp)";

    private AccountsTable() {}
}
