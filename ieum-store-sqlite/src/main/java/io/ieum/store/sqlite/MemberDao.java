package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;

/**
 * The {@code members} table: keyed by (room, user) for a room's members, with an index on user
 * for a user's rooms, so both sides are read from one row (no second table to keep in step).
 */
final class MemberDao {

    static final String TABLE = "members";
    static final String ROOM_ID = "room_id";
    static final String USER_ID = "user_id";
    static final String ROLE = "role";
    static final String JOINED_AT = "joined_at";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + ROOM_ID + " BLOB NOT NULL, "
                    + USER_ID + " BLOB NOT NULL, "
                    + ROLE + " TEXT NOT NULL, "
                    + JOINED_AT + " INTEGER NOT NULL, "
                    + "PRIMARY KEY (" + ROOM_ID + ", " + USER_ID + ")) WITHOUT ROWID",
            "CREATE INDEX members_by_user ON " + TABLE + " (" + USER_ID + ")");

    private static final String COLUMNS = String.join(", ", ROOM_ID, USER_ID, ROLE, JOINED_AT);
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE " + ROOM_ID + " = ? AND " + USER_ID + " = ?";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE " + ROOM_ID + " = ? AND " + USER_ID + " = ?";
    private static final String SELECT_BY_ROOM = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ROOM_ID + " = ?";
    private static final String SELECT_ROOMS_OF = "SELECT " + ROOM_ID + " FROM " + TABLE + " WHERE " + USER_ID + " = ?";

    void insertIfAbsent(SqlConnection connection, Member member) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        Columns.setUuid(insert, 1, member.roomId().uuid());
        Columns.setUuid(insert, 2, member.userId().uuid());
        insert.setString(3, member.role().name());
        Columns.setInstant(insert, 4, member.joinedAt());
        insert.executeUpdate();
    }

    boolean delete(SqlConnection connection, RoomId roomId, UserId userId) throws SQLException {
        PreparedStatement delete = connection.prepare(DELETE);
        Columns.setUuid(delete, 1, roomId.uuid());
        Columns.setUuid(delete, 2, userId.uuid());
        return delete.executeUpdate() > 0;
    }

    Optional<Member> member(SqlConnection connection, RoomId roomId, UserId userId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_ONE);
        Columns.setUuid(select, 1, roomId.uuid());
        Columns.setUuid(select, 2, userId.uuid());
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(member(row)) : Optional.empty();
        }
    }

    List<Member> members(SqlConnection connection, RoomId roomId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_ROOM);
        Columns.setUuid(select, 1, roomId.uuid());
        List<Member> members = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                members.add(member(row));
            }
        }
        return members;
    }

    List<RoomId> roomsOf(SqlConnection connection, UserId userId) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_ROOMS_OF);
        Columns.setUuid(select, 1, userId.uuid());
        List<RoomId> rooms = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rooms.add(new RoomId(Columns.getUuid(row, ROOM_ID)));
            }
        }
        return rooms;
    }

    private static Member member(ResultSet row) throws SQLException {
        return new Member(new RoomId(Columns.getUuid(row, ROOM_ID)), new UserId(Columns.getUuid(row, USER_ID)),
                MemberRole.valueOf(row.getString(ROLE)), Columns.getInstant(row, JOINED_AT));
    }
}
