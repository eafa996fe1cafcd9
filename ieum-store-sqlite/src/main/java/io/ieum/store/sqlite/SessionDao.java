package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;

/** The {@code sessions} table: keyed by token hash (every request's lookup), indexed by user. */
final class SessionDao {

    static final String TABLE = "sessions";
    static final String TOKEN_HASH = "token_hash";
    static final String ID = "id";
    static final String USER_ID = "user_id";
    static final String DEVICE_NAME = "device_name";
    static final String CREATED_AT = "created_at";
    static final String EXPIRES_AT = "expires_at";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + TOKEN_HASH + " TEXT NOT NULL PRIMARY KEY, "
                    + ID + " BLOB NOT NULL, "
                    + USER_ID + " BLOB NOT NULL, "
                    + DEVICE_NAME + " TEXT NOT NULL, "
                    + CREATED_AT + " INTEGER NOT NULL, "
                    + EXPIRES_AT + " INTEGER NOT NULL)",
            "CREATE INDEX sessions_by_user ON " + TABLE + " (" + USER_ID + ", " + CREATED_AT + ")");

    private static final String COLUMNS = String.join(", ", TOKEN_HASH, ID, USER_ID, DEVICE_NAME, CREATED_AT, EXPIRES_AT);
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String SELECT_BY_TOKEN = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + TOKEN_HASH + " = ?";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + USER_ID + " = ?"
            + " ORDER BY " + CREATED_AT + ", " + ID;
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + USER_ID + " = ? AND " + ID + " = ?";

    void insertIfAbsent(SqlConnection connection, Session session) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        insert.setString(1, session.tokenHash());
        Columns.setUuid(insert, 2, session.id().uuid());
        Columns.setUuid(insert, 3, session.userId().uuid());
        insert.setString(4, session.deviceName());
        Columns.setInstant(insert, 5, session.createdAt());
        Columns.setInstant(insert, 6, session.expiresAt());
        insert.executeUpdate();
    }

    Optional<Session> byTokenHash(SqlConnection connection, String tokenHash) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_TOKEN);
        select.setString(1, tokenHash);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(session(row)) : Optional.empty();
        }
    }

    List<Session> byUser(SqlConnection connection, UserId userId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_USER);
        Columns.setUuid(select, 1, userId.uuid());
        List<Session> sessions = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                sessions.add(session(row));
            }
        }
        return sessions;
    }

    boolean delete(SqlConnection connection, UserId userId, SessionId sessionId) throws SQLException {
        PreparedStatement delete = connection.prepare(DELETE);
        Columns.setUuid(delete, 1, userId.uuid());
        Columns.setUuid(delete, 2, sessionId.uuid());
        return delete.executeUpdate() > 0;
    }

    private static Session session(ResultSet row) throws SQLException {
        return new Session(new SessionId(Columns.getUuid(row, ID)), new UserId(Columns.getUuid(row, USER_ID)),
                row.getString(TOKEN_HASH), row.getString(DEVICE_NAME),
                Columns.getInstant(row, CREATED_AT), Columns.getInstant(row, EXPIRES_AT));
    }
}
