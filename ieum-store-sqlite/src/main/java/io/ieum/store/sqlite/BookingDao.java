package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingStatus;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;

/** The {@code bookings} table, indexed by (channel, start) for the calendar and by customer. */
final class BookingDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE bookings (id BLOB NOT NULL PRIMARY KEY, channel_id BLOB NOT NULL, customer BLOB NOT NULL, "
                    + "service_id BLOB NOT NULL, staff_id BLOB NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "slot_minutes INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, version INTEGER NOT NULL, "
                    + "updated_at INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE INDEX bookings_by_channel ON bookings (channel_id, start)",
            "CREATE INDEX bookings_by_customer ON bookings (customer, id)");

    private static final String COLUMNS = "id, channel_id, customer, service_id, staff_id, start, end, slot_minutes, status, "
            + "reason, version, updated_at";

    void insert(SqlConnection c, Booking b) throws SQLException {
        update(c, "INSERT INTO bookings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.id().uuid(),
                b.channelId().uuid(), b.customer().uuid(), b.serviceId().uuid(), b.staff().uuid(), b.start(), b.end(),
                b.slotMinutes(), b.status().name(), b.reason(), b.version(), b.updatedAt());
    }

    boolean compareAndSet(SqlConnection c, Booking next) throws SQLException {
        return update(c, "UPDATE bookings SET staff_id = ?, start = ?, end = ?, status = ?, reason = ?, version = ?, "
                        + "updated_at = ? WHERE id = ? AND version = ?", next.staff().uuid(), next.start(), next.end(),
                next.status().name(), next.reason(), next.version(), next.updatedAt(), next.id().uuid(), next.version() - 1) == 1;
    }

    Optional<Booking> get(SqlConnection c, BookingId id) throws SQLException {
        return one(c, BookingDao::booking, "SELECT " + COLUMNS + " FROM bookings WHERE id = ?", id.uuid());
    }

    List<Booking> between(SqlConnection c, ChannelId channel, Instant from, Instant to) throws SQLException {
        return list(c, BookingDao::booking, "SELECT " + COLUMNS + " FROM bookings WHERE channel_id = ? AND start >= ? "
                + "AND start < ? AND status <> 'CANCELLED' ORDER BY start, id", channel.uuid(), from, to);
    }

    List<Booking> byCustomer(SqlConnection c, UserId customer, int limit) throws SQLException {
        return list(c, BookingDao::booking, "SELECT " + COLUMNS + " FROM bookings WHERE customer = ? ORDER BY id DESC LIMIT ?",
                customer.uuid(), limit);
    }

    private static Booking booking(ResultSet row) throws SQLException {
        return new Booking(new BookingId(Columns.getUuid(row, "id")), new ChannelId(Columns.getUuid(row, "channel_id")),
                new UserId(Columns.getUuid(row, "customer")), new ItemId(Columns.getUuid(row, "service_id")),
                new UserId(Columns.getUuid(row, "staff_id")), Columns.getInstant(row, "start"), Columns.getInstant(row, "end"),
                row.getInt("slot_minutes"), BookingStatus.valueOf(row.getString("status")), row.getString("reason"),
                row.getInt("version"), Columns.getInstant(row, "updated_at"));
    }
}
