package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/** The {@code slots} table: the primary key (channel, staff, start) is the claim; the row names the holder. */
final class SlotDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE slots (channel_id BLOB NOT NULL, staff_id BLOB NOT NULL, start INTEGER NOT NULL, "
                    + "booking_id BLOB NOT NULL, PRIMARY KEY (channel_id, staff_id, start)) WITHOUT ROWID");

    Optional<BookingId> holder(SqlConnection c, ChannelId channel, UserId staff, Instant start) throws SQLException {
        return one(c, row -> new BookingId(Columns.getUuid(row, "booking_id")),
                "SELECT booking_id FROM slots WHERE channel_id = ? AND staff_id = ? AND start = ?",
                channel.uuid(), staff.uuid(), start);
    }

    void claim(SqlConnection c, ChannelId channel, UserId staff, Instant start, BookingId booking) throws SQLException {
        update(c, "INSERT INTO slots (channel_id, staff_id, start, booking_id) VALUES (?, ?, ?, ?)",
                channel.uuid(), staff.uuid(), start, booking.uuid());
    }

    void release(SqlConnection c, ChannelId channel, UserId staff, Instant start, BookingId booking) throws SQLException {
        update(c, "DELETE FROM slots WHERE channel_id = ? AND staff_id = ? AND start = ? AND booking_id = ?",
                channel.uuid(), staff.uuid(), start, booking.uuid());
    }

    List<Instant> taken(SqlConnection c, ChannelId channel, UserId staff, Instant from, Instant to) throws SQLException {
        return list(c, row -> Columns.getInstant(row, "start"),
                "SELECT start FROM slots WHERE channel_id = ? AND staff_id = ? AND start >= ? AND start < ? ORDER BY start",
                channel.uuid(), staff.uuid(), from, to);
    }
}
