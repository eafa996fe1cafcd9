package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Profile;
import io.ieum.core.model.Username;

/** The {@code accounts} table: one row per account; the UNIQUE username is the linearizable claim. */
final class AccountDao {

    static final String TABLE = "accounts";
    static final String ID = "id";
    static final String USERNAME = "username";
    static final String PASSWORD_HASH = "password_hash";
    static final String DISPLAY_NAME = "display_name";
    static final String STATUS_MESSAGE = "status_message";
    static final String AVATAR = "avatar";
    static final String CREATED_AT = "created_at";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + ID + " BLOB NOT NULL PRIMARY KEY, "
                    + USERNAME + " TEXT NOT NULL UNIQUE, "
                    + PASSWORD_HASH + " TEXT NOT NULL, "
                    + DISPLAY_NAME + " TEXT NOT NULL, "
                    + STATUS_MESSAGE + " TEXT NOT NULL, "
                    + AVATAR + " TEXT, "
                    + CREATED_AT + " INTEGER NOT NULL)");

    private static final String COLUMNS = String.join(", ", ID, USERNAME, PASSWORD_HASH, DISPLAY_NAME,
            STATUS_MESSAGE, AVATAR, CREATED_AT);
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ID + " = ?";
    private static final String SELECT_BY_USERNAME = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + USERNAME + " = ?";
    private static final String UPDATE_PROFILE = "UPDATE " + TABLE + " SET " + DISPLAY_NAME + " = ?, "
            + STATUS_MESSAGE + " = ?, " + AVATAR + " = ? WHERE " + ID + " = ?";

    /** Inserts unless the ID or the username exists; returns whether a row was inserted. */
    boolean insertIfAbsent(SqlConnection connection, Account account) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        Columns.setUuid(insert, 1, account.id().uuid());
        insert.setString(2, account.username().value());
        insert.setString(3, account.passwordHash());
        insert.setString(4, account.profile().displayName());
        insert.setString(5, account.profile().statusMessage());
        Columns.setNullableText(insert, 6, account.profile().avatar());
        Columns.setInstant(insert, 7, account.createdAt());
        return insert.executeUpdate() == 1;
    }

    Optional<Account> byId(SqlConnection connection, UserId id) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_ID);
        Columns.setUuid(select, 1, id.uuid());
        return one(select);
    }

    Optional<Account> byUsername(SqlConnection connection, Username username) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_USERNAME);
        select.setString(1, username.value());
        return one(select);
    }

    void updateProfile(SqlConnection connection, UserId id, Profile profile) throws SQLException {
        PreparedStatement update = connection.prepare(UPDATE_PROFILE);
        update.setString(1, profile.displayName());
        update.setString(2, profile.statusMessage());
        Columns.setNullableText(update, 3, profile.avatar());
        Columns.setUuid(update, 4, id.uuid());
        update.executeUpdate();
    }

    private static Optional<Account> one(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(account(row)) : Optional.empty();
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        Profile profile = new Profile(row.getString(DISPLAY_NAME), row.getString(STATUS_MESSAGE), row.getString(AVATAR));
        return new Account(new UserId(Columns.getUuid(row, ID)), new Username(row.getString(USERNAME)),
                row.getString(PASSWORD_HASH), profile, Columns.getInstant(row, CREATED_AT));
    }
}
