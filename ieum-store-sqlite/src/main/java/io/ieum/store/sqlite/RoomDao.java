package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;

/** The {@code rooms} table: one row per room, written once (insert-if-absent). */
final class RoomDao {

    static final String TABLE = "rooms";
    static final String ID = "id";
    static final String KIND = "kind";
    static final String NAME = "name";
    static final String OWNER = "owner";
    static final String CREATED_AT = "created_at";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + ID + " BLOB NOT NULL PRIMARY KEY, "
                    + KIND + " TEXT NOT NULL, "
                    + NAME + " TEXT NOT NULL, "
                    + OWNER + " BLOB NOT NULL, "
                    + CREATED_AT + " INTEGER NOT NULL)");

    private static final String COLUMNS = String.join(", ", ID, KIND, NAME, OWNER, CREATED_AT);
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ID + " = ?";

    void insertIfAbsent(SqlConnection connection, Room room) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        Columns.setUuid(insert, 1, room.id().uuid());
        insert.setString(2, room.kind().name());
        insert.setString(3, room.name());
        Columns.setUuid(insert, 4, room.owner().uuid());
        Columns.setInstant(insert, 5, room.createdAt());
        insert.executeUpdate();
    }

    Optional<Room> room(SqlConnection connection, RoomId id) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT);
        Columns.setUuid(select, 1, id.uuid());
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Room(new RoomId(Columns.getUuid(row, ID)), RoomKind.valueOf(row.getString(KIND)),
                    row.getString(NAME), new UserId(Columns.getUuid(row, OWNER)), Columns.getInstant(row, CREATED_AT)));
        }
    }
}
