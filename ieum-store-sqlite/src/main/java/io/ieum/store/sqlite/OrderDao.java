package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Fulfilment;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelCodecs;

/**
 * The {@code orders} table, keyed (channel, order ID), the ID unique on its own (schema step 3: an ID
 * names one order, ADR 0016) and indexed by customer; {@code order_attempts} ({@link CreateAttemptsDao}) records
 * each create begun. A status change is {@code UPDATE … WHERE version = ?}: run by the one writer thread, it is
 * the compare-and-set.
 */
final class OrderDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE orders (channel_id BLOB NOT NULL, id BLOB NOT NULL, customer BLOB NOT NULL, items TEXT NOT NULL, "
                    + "requested_at INTEGER, fulfilment TEXT NOT NULL, address TEXT NOT NULL, note TEXT NOT NULL, "
                    + "status TEXT NOT NULL, reason TEXT NOT NULL, version INTEGER NOT NULL, updated_at INTEGER NOT NULL, "
                    + "PRIMARY KEY (channel_id, id)) WITHOUT ROWID",
            "CREATE INDEX orders_by_customer ON orders (customer, id)");

    /** Schema step 3 (ADR 0016). */
    static final List<String> SCHEMA_ONE_ID_ONE_ORDER = List.of(
            "CREATE UNIQUE INDEX orders_by_id ON orders (id)", CreateAttemptsDao.ORDERS.createTable());

    private static final String COLUMNS = "channel_id, id, customer, items, requested_at, fulfilment, address, note, "
            + "status, reason, version, updated_at";

    boolean insertIfAbsent(SqlConnection c, Order o) throws SQLException {
        return update(c, "INSERT INTO orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                o.channelId().uuid(), o.id().uuid(), o.customer().uuid(), ChannelCodecs.items(o.items()), o.requestedAt(),
                o.fulfilment().name(), o.address(), o.note(), o.status().name(), o.reason(), o.version(), o.updatedAt()) == 1;
    }

    /** Applies {@code next} if the stored version is the one before it; returns whether it did. */
    boolean compareAndSet(SqlConnection c, Order next) throws SQLException {
        return update(c, "UPDATE orders SET status = ?, reason = ?, version = ?, updated_at = ? "
                        + "WHERE channel_id = ? AND id = ? AND version = ?", next.status().name(), next.reason(), next.version(),
                next.updatedAt(), next.channelId().uuid(), next.id().uuid(), next.version() - 1) == 1;
    }

    Optional<Order> get(SqlConnection c, ChannelId channel, OrderId id) throws SQLException {
        return one(c, OrderDao::order, "SELECT " + COLUMNS + " FROM orders WHERE channel_id = ? AND id = ?",
                channel.uuid(), id.uuid());
    }

    List<Order> byChannel(SqlConnection c, ChannelId channel, OrderId before, int limit) throws SQLException {
        if (before == null) {
            return list(c, OrderDao::order, "SELECT " + COLUMNS + " FROM orders WHERE channel_id = ? ORDER BY id DESC LIMIT ?",
                    channel.uuid(), limit);
        }
        return list(c, OrderDao::order, "SELECT " + COLUMNS + " FROM orders WHERE channel_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                channel.uuid(), before.uuid(), limit);
    }

    List<Order> byCustomer(SqlConnection c, UserId customer, int limit) throws SQLException {
        return list(c, OrderDao::order, "SELECT " + COLUMNS + " FROM orders WHERE customer = ? ORDER BY id DESC LIMIT ?",
                customer.uuid(), limit);
    }

    private static Order order(ResultSet row) throws SQLException {
        return new Order(new OrderId(Columns.getUuid(row, "id")), new ChannelId(Columns.getUuid(row, "channel_id")),
                new UserId(Columns.getUuid(row, "customer")), ChannelCodecs.items(row.getString("items")),
                Statements.nullableInstant(row, "requested_at"), Fulfilment.valueOf(row.getString("fulfilment")),
                row.getString("address"), row.getString("note"), OrderStatus.valueOf(row.getString("status")),
                row.getString("reason"), row.getInt("version"), Columns.getInstant(row, "updated_at"));
    }
}
