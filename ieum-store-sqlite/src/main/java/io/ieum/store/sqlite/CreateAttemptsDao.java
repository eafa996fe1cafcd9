package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;
import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.UUID;

import io.ieum.core.id.ChannelId;

/**
 * A table of creates begun, one row per (channel, ID): {@code order_attempts} (schema step 3) and
 * {@code booking_attempts} (step 4). A create records itself here before it writes anything else, so a
 * late resend of one that never landed is known as a retry, not a stale ID (ADR 0016).
 */
final class CreateAttemptsDao {

    static final CreateAttemptsDao ORDERS = new CreateAttemptsDao("order_attempts");
    static final CreateAttemptsDao BOOKINGS = new CreateAttemptsDao("booking_attempts");

    private final String table;

    private CreateAttemptsDao(String table) {
        this.table = requireNonNull(table, "table");
    }

    String createTable() {
        return "CREATE TABLE " + table + " (channel_id BLOB NOT NULL, id BLOB NOT NULL, PRIMARY KEY (channel_id, id)) WITHOUT ROWID";
    }

    void markBegun(SqlConnection c, ChannelId channel, UUID id) throws SQLException {
        update(c, "INSERT INTO " + table + " (channel_id, id) VALUES (?, ?) ON CONFLICT DO NOTHING", channel.uuid(), id);
    }

    boolean begun(SqlConnection c, ChannelId channel, UUID id) throws SQLException {
        return one(c, row -> true, "SELECT 1 FROM " + table + " WHERE channel_id = ? AND id = ?", channel.uuid(), id)
                .isPresent();
    }
}
