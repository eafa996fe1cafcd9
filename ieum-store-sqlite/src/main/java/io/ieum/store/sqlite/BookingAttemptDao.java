package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.util.List;

import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;

/**
 * The {@code booking_attempts} table (schema step 4, ADR 0016): one row per booking create begun, so a
 * late resend of a booking whose claim never landed is known as a retry.
 */
final class BookingAttemptDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE booking_attempts (channel_id BLOB NOT NULL, id BLOB NOT NULL, PRIMARY KEY (channel_id, id)) WITHOUT ROWID");

    void markBegun(SqlConnection c, ChannelId channel, BookingId id) throws SQLException {
        update(c, "INSERT INTO booking_attempts (channel_id, id) VALUES (?, ?) ON CONFLICT DO NOTHING", channel.uuid(), id.uuid());
    }

    boolean begun(SqlConnection c, ChannelId channel, BookingId id) throws SQLException {
        return one(c, row -> true, "SELECT 1 FROM booking_attempts WHERE channel_id = ? AND id = ?", channel.uuid(), id.uuid())
                .isPresent();
    }
}
