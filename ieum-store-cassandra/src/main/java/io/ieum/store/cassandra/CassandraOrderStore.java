package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.channel.Change;
import io.ieum.core.channel.Fulfilment;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.Ids;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ChannelCodecs;
import io.ieum.core.store.OrderStore;
import io.ieum.core.store.StoreArguments;

/**
 * Orders, partitioned by (channel, 30-day bucket of the order ID's time) and clustered newest first;
 * {@code order_buckets} lists a channel's non-empty buckets, {@code orders_by_customer} indexes by customer.
 * Creating is {@code INSERT … IF NOT EXISTS} and every status change {@code UPDATE … IF version = ?}:
 * Paxos at SERIAL across the sites, so retries anywhere make one order and of two racing changes one wins.
 * The bucket and customer rows are written (idempotently) before the order, so a listed order is
 * always reachable and a crash in between is repaired by the client's retry.
 */
final class CassandraOrderStore implements OrderStore {

    static final long BUCKET_MILLIS = 30L * 86_400_000L;
    private static final String COLUMNS = "channel_id, bucket, order_id, customer, items, requested_at, fulfilment, address, "
            + "note, status, reason, version, updated_at";

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement cas;
    private final PreparedStatement select;
    private final PreparedStatement page;
    private final PreparedStatement pageBefore;
    private final PreparedStatement putBucket;
    private final PreparedStatement buckets;
    private final PreparedStatement putCustomer;
    private final PreparedStatement byCustomer;

    CassandraOrderStore(Cql cql) {
        this.cql = cql;
        insert = cql.prepare("INSERT INTO {ks}.orders (" + COLUMNS + ", attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "IF NOT EXISTS");
        cas = cql.prepare("UPDATE {ks}.orders SET status = ?, reason = ?, version = ?, updated_at = ? "
                + "WHERE channel_id = ? AND bucket = ? AND order_id = ? IF version = ?");
        select = cql.prepare("SELECT " + COLUMNS + " FROM {ks}.orders WHERE channel_id = ? AND bucket = ? AND order_id = ?");
        page = cql.prepare("SELECT " + COLUMNS + " FROM {ks}.orders WHERE channel_id = ? AND bucket = ? LIMIT ?");
        pageBefore = cql.prepare("SELECT " + COLUMNS + " FROM {ks}.orders WHERE channel_id = ? AND bucket = ? AND order_id < ? LIMIT ?");
        putBucket = cql.prepare("INSERT INTO {ks}.order_buckets (channel_id, bucket) VALUES (?, ?)");
        buckets = cql.prepare("SELECT bucket FROM {ks}.order_buckets WHERE channel_id = ? AND bucket <= ?");
        putCustomer = cql.prepare("INSERT INTO {ks}.orders_by_customer (customer, order_id, channel_id) VALUES (?, ?, ?)");
        byCustomer = cql.prepare("SELECT order_id, channel_id FROM {ks}.orders_by_customer WHERE customer = ? LIMIT ?");
    }

    static int bucket(OrderId id) {
        return (int) Math.floorDiv(Ids.epochMillis(id.uuid()), BUCKET_MILLIS);
    }

    @Override
    public boolean create(Order o) {
        requireNonNull(o, "order");
        cql.execute(putBucket.bind(o.channelId().uuid(), bucket(o.id())));
        cql.execute(putCustomer.bind(o.customer().uuid(), o.id().uuid(), o.channelId().uuid()));
        // A random token per call: a proposal re-run after an unknown outcome (Lwt) that finds the row
        // carrying its own token knows that its first try created it, so exactly one caller answers true.
        java.util.UUID attempt = java.util.UUID.randomUUID();
        var result = Lwt.execute(cql, insert.bind(o.channelId().uuid(), bucket(o.id()), o.id().uuid(), o.customer().uuid(),
                ChannelCodecs.items(o.items()), o.requestedAt(), o.fulfilment().name(), o.address(), o.note(),
                o.status().name(), o.reason(), o.version(), o.updatedAt(), attempt));
        if (result.wasApplied()) {
            return true;
        }
        Row existing = result.one();
        return existing != null && attempt.equals(existing.getUuid("attempt"));
    }

    @Override
    public Optional<Order> get(ChannelId channelId, OrderId id) {
        Row row = cql.execute(select.bind(requireNonNull(channelId, "channelId").uuid(), bucket(requireNonNull(id, "id")),
                id.uuid())).one();
        return row == null || row.isNull("status") ? Optional.empty() : Optional.of(order(row));
    }

    private Optional<Order> getSerial(ChannelId channelId, OrderId id) {
        Row row = Lwt.serialRead(cql, select.bind(channelId.uuid(), bucket(id), id.uuid())).one();
        return row == null || row.isNull("status") ? Optional.empty() : Optional.of(order(row));
    }

    @Override
    public Change<Order> update(Order next) {
        requireNonNull(next, "next");
        boolean applied = Lwt.execute(cql, cas.bind(next.status().name(), next.reason(), next.version(), next.updatedAt(),
                next.channelId().uuid(), bucket(next.id()), next.id().uuid(), next.version() - 1)).wasApplied();
        if (applied) {
            return new Change<>(Change.Outcome.APPLIED, next);
        }
        Order current = getSerial(next.channelId(), next.id()).orElse(null);
        // Our own proposal, re-run after an unknown outcome, finds the row already at our values.
        return next.equals(current) ? new Change<>(Change.Outcome.APPLIED, next) : new Change<>(Change.Outcome.STALE, current);
    }

    @Override
    public List<Order> byChannel(ChannelId channelId, OrderId before, int limit) {
        requireNonNull(channelId, "channelId");
        StoreArguments.limit(limit);
        int top = before == null ? Integer.MAX_VALUE : bucket(before);
        List<Order> result = new ArrayList<>();
        for (Row bucketRow : cql.execute(buckets.bind(channelId.uuid(), top))) {
            int bucket = bucketRow.getInt("bucket");
            int want = limit - result.size();
            var rows = before != null && bucket == top
                    ? cql.execute(pageBefore.bind(channelId.uuid(), bucket, before.uuid(), want))
                    : cql.execute(page.bind(channelId.uuid(), bucket, want));
            for (Row row : rows) {
                if (!row.isNull("status")) {
                    result.add(order(row));
                }
            }
            if (result.size() >= limit) {
                break;
            }
        }
        return result;
    }

    @Override
    public List<Order> byCustomer(UserId customer, int limit) {
        requireNonNull(customer, "customer");
        StoreArguments.limit(limit);
        List<Order> result = new ArrayList<>();
        for (Row row : cql.execute(byCustomer.bind(customer.uuid(), limit))) {
            get(new ChannelId(row.getUuid("channel_id")), new OrderId(row.getUuid("order_id"))).ifPresent(result::add);
        }
        return result;
    }

    private static Order order(Row row) {
        return new Order(new OrderId(row.getUuid("order_id")), new ChannelId(row.getUuid("channel_id")),
                new UserId(row.getUuid("customer")), ChannelCodecs.items(row.getString("items")), row.getInstant("requested_at"),
                Fulfilment.valueOf(row.getString("fulfilment")), row.getString("address"), row.getString("note"),
                OrderStatus.valueOf(row.getString("status")), row.getString("reason"), row.getInt("version"),
                row.getInstant("updated_at"));
    }
}
