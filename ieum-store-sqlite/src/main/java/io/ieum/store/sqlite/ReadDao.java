package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/**
 * The {@code reads} table: one position per (room, user). The upsert only ever raises it
 * ({@code WHERE excluded.position > reads.position}), so advances commute whatever their order.
 */
final class ReadDao {

    static final String TABLE = "reads";
    static final String ROOM_ID = "room_id";
    static final String USER_ID = "user_id";
    static final String POSITION = "position";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + ROOM_ID + " BLOB NOT NULL, "
                    + USER_ID + " BLOB NOT NULL, "
                    + POSITION + " BLOB NOT NULL, "
                    + "PRIMARY KEY (" + ROOM_ID + ", " + USER_ID + ")) WITHOUT ROWID");

    private static final String ADVANCE = "INSERT INTO " + TABLE + " (" + ROOM_ID + ", " + USER_ID + ", " + POSITION
            + ") VALUES (?, ?, ?) ON CONFLICT (" + ROOM_ID + ", " + USER_ID + ") DO UPDATE SET "
            + POSITION + " = excluded." + POSITION + " WHERE excluded." + POSITION + " > " + TABLE + "." + POSITION;
    private static final String SELECT_ONE = "SELECT " + POSITION + " FROM " + TABLE
            + " WHERE " + ROOM_ID + " = ? AND " + USER_ID + " = ?";
    private static final String SELECT_BY_ROOM = "SELECT " + USER_ID + ", " + POSITION + " FROM " + TABLE
            + " WHERE " + ROOM_ID + " = ?";

    void advance(SqlConnection connection, RoomId roomId, UserId userId, MessageId upTo) throws SQLException {
        PreparedStatement advance = connection.prepare(ADVANCE);
        Columns.setUuid(advance, 1, roomId.uuid());
        Columns.setUuid(advance, 2, userId.uuid());
        Columns.setUuid(advance, 3, upTo.uuid());
        advance.executeUpdate();
    }

    Optional<MessageId> position(SqlConnection connection, RoomId roomId, UserId userId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_ONE);
        Columns.setUuid(select, 1, roomId.uuid());
        Columns.setUuid(select, 2, userId.uuid());
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new MessageId(Columns.getUuid(row, POSITION))) : Optional.empty();
        }
    }

    Map<UserId, MessageId> positions(SqlConnection connection, RoomId roomId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_ROOM);
        Columns.setUuid(select, 1, roomId.uuid());
        Map<UserId, MessageId> positions = new HashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                positions.put(new UserId(Columns.getUuid(row, USER_ID)), new MessageId(Columns.getUuid(row, POSITION)));
            }
        }
        return positions;
    }
}
