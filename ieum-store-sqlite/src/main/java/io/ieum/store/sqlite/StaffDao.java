package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Staff;
import io.ieum.core.channel.StaffRole;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/** The {@code channel_staff} table, indexed both ways (channel → staff, user → channels). */
final class StaffDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE channel_staff (channel_id BLOB NOT NULL, user_id BLOB NOT NULL, role TEXT NOT NULL, "
                    + "since INTEGER NOT NULL, PRIMARY KEY (channel_id, user_id)) WITHOUT ROWID",
            "CREATE INDEX channel_staff_by_user ON channel_staff (user_id)");

    void put(SqlConnection c, Staff s) throws SQLException {
        update(c, "INSERT INTO channel_staff (channel_id, user_id, role, since) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (channel_id, user_id) DO UPDATE SET role = excluded.role",
                s.channelId().uuid(), s.userId().uuid(), s.role().name(), s.since());
    }

    boolean delete(SqlConnection c, ChannelId channel, UserId user) throws SQLException {
        return update(c, "DELETE FROM channel_staff WHERE channel_id = ? AND user_id = ?", channel.uuid(), user.uuid()) == 1;
    }

    Optional<Staff> get(SqlConnection c, ChannelId channel, UserId user) throws SQLException {
        return one(c, StaffDao::staff, "SELECT * FROM channel_staff WHERE channel_id = ? AND user_id = ?",
                channel.uuid(), user.uuid());
    }

    List<Staff> of(SqlConnection c, ChannelId channel) throws SQLException {
        return list(c, StaffDao::staff, "SELECT * FROM channel_staff WHERE channel_id = ?", channel.uuid());
    }

    List<ChannelId> channelsOf(SqlConnection c, UserId user) throws SQLException {
        return list(c, row -> new ChannelId(Columns.getUuid(row, "channel_id")),
                "SELECT channel_id FROM channel_staff WHERE user_id = ?", user.uuid());
    }

    private static Staff staff(ResultSet row) throws SQLException {
        return new Staff(new ChannelId(Columns.getUuid(row, "channel_id")), new UserId(Columns.getUuid(row, "user_id")),
                StaffRole.valueOf(row.getString("role")), Columns.getInstant(row, "since"));
    }
}
