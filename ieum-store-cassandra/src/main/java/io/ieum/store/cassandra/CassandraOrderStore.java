package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
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
 * Orders, each in its own partition of {@code orders_by_id} (ADR 0016): creating is
 * {@code INSERT … IF NOT EXISTS} and every status change {@code UPDATE … IF channel_id = ? AND version = ?}, Paxos at
 * SERIAL on that one order, so retries anywhere make one order, of two racing changes one wins, and a
 * shop's burst of new orders are independent Paxos rounds instead of one contended partition.
 *
 * <p>The board ({@code order_board}, per channel and 30-day bucket of the ID's time, newest first, with
 * {@code order_buckets} listing the non-empty buckets) and {@code orders_by_customer} are indexes,
 * upserted at QUORUM <em>before</em> the order: an acknowledged order is always listed. A crash in
 * between leaves an index row with no order — skipped by every read, and completed by the client's
 * retry under the same ID, which that row lets through the freshness rule ({@link #begun}).
 */
final class CassandraOrderStore implements OrderStore {

    static final long BUCKET_MILLIS = 30L * 86_400_000L;
    private static final String COLUMNS = "order_id, channel_id, customer, items, requested_at, fulfilment, address, "
            + "note, status, reason, version, updated_at";
    static final String INSERT = "INSERT INTO {ks}.orders_by_id (" + COLUMNS + ", attempt) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS";
    static final String PUT_BOARD = "INSERT INTO {ks}.order_board (channel_id, bucket, order_id) VALUES (?, ?, ?)";

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement cas;
    private final PreparedStatement select;
    private final PreparedStatement putBoard;
    private final PreparedStatement onBoard;
    private final PreparedStatement page;
    private final PreparedStatement pageBefore;
    private final PreparedStatement putBucket;
    private final PreparedStatement buckets;
    private final PreparedStatement putCustomer;
    private final PreparedStatement byCustomer;

    CassandraOrderStore(Cql cql) {
        this.cql = cql;
        insert = cql.prepare(INSERT);
        cas = cql.prepare("UPDATE {ks}.orders_by_id SET status = ?, reason = ?, version = ?, updated_at = ? "
                + "WHERE order_id = ? IF channel_id = ? AND version = ?");
        select = cql.prepare("SELECT " + COLUMNS + " FROM {ks}.orders_by_id WHERE order_id = ?");
        putBoard = cql.prepare(PUT_BOARD);
        onBoard = cql.prepare("SELECT order_id FROM {ks}.order_board WHERE channel_id = ? AND bucket = ? AND order_id = ?");
        page = cql.prepare("SELECT order_id FROM {ks}.order_board WHERE channel_id = ? AND bucket = ? LIMIT ?");
        pageBefore = cql.prepare("SELECT order_id FROM {ks}.order_board WHERE channel_id = ? AND bucket = ? AND order_id < ? LIMIT ?");
        putBucket = cql.prepare("INSERT INTO {ks}.order_buckets (channel_id, bucket) VALUES (?, ?)");
        buckets = cql.prepare("SELECT bucket FROM {ks}.order_buckets WHERE channel_id = ? AND bucket <= ?");
        putCustomer = cql.prepare("INSERT INTO {ks}.orders_by_customer (customer, order_id, channel_id) VALUES (?, ?, ?)");
        byCustomer = cql.prepare("SELECT order_id, channel_id FROM {ks}.orders_by_customer WHERE customer = ?");
    }

    static int bucket(OrderId id) {
        return (int) Math.floorDiv(Ids.epochMillis(id.uuid()), BUCKET_MILLIS);
    }

    @Override
    public boolean create(Order o) {
        requireNonNull(o, "order");
        // The indexes first, together: plain QUORUM upserts, the same values on every retry.
        Cql.join(CompletableFuture.allOf(
                cql.executeAsync(putBucket.bind(o.channelId().uuid(), bucket(o.id()))),
                cql.executeAsync(putBoard.bind(o.channelId().uuid(), bucket(o.id()), o.id().uuid())),
                cql.executeAsync(putCustomer.bind(o.customer().uuid(), o.id().uuid(), o.channelId().uuid()))));
        // A random token per call: a proposal re-run after an unknown outcome (Lwt) that finds the row
        // carrying its own token knows that its first try created it, so exactly one caller answers true.
        UUID attempt = UUID.randomUUID();
        var result = Lwt.execute(cql, insert.bind(o.id().uuid(), o.channelId().uuid(), o.customer().uuid(),
                ChannelCodecs.items(o.items()), o.requestedAt(), o.fulfilment().name(), o.address(), o.note(),
                o.status().name(), o.reason(), o.version(), o.updatedAt(), attempt));
        if (result.wasApplied()) {
            return true;
        }
        Row existing = result.one();
        return existing != null && attempt.equals(existing.getUuid("attempt"));
    }

    @Override
    public boolean begun(ChannelId channelId, OrderId id) {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        return cql.execute(onBoard.bind(channelId.uuid(), bucket(id), id.uuid())).one() != null;
    }

    @Override
    public Optional<Order> get(ChannelId channelId, OrderId id) {
        requireNonNull(channelId, "channelId");
        return ofChannel(cql.execute(select.bind(requireNonNull(id, "id").uuid())).one(), channelId);
    }

    private Optional<Order> getSerial(OrderId id) {
        Row row = Lwt.serialRead(cql, select.bind(id.uuid())).one();
        return row == null || row.isNull("status") ? Optional.empty() : Optional.of(order(row));
    }

    @Override
    public Change<Order> update(Order next) {
        requireNonNull(next, "next");
        // The channel is part of the condition: a change never touches another channel's order.
        boolean applied = Lwt.execute(cql, cas.bind(next.status().name(), next.reason(), next.version(), next.updatedAt(),
                next.id().uuid(), next.channelId().uuid(), next.version() - 1)).wasApplied();
        if (applied) {
            return new Change<>(Change.Outcome.APPLIED, next);
        }
        Order current = getSerial(next.id()).filter(stored -> stored.channelId().equals(next.channelId())).orElse(null);
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
            OrderId after = before != null && bucket == top ? before : null;
            // Index rows with no order are skipped, so a bucket is read until it runs out, not for one page only.
            while (result.size() < limit) {
                int want = limit - result.size();
                var rows = after != null
                        ? cql.execute(pageBefore.bind(channelId.uuid(), bucket, after.uuid(), want))
                        : cql.execute(page.bind(channelId.uuid(), bucket, want));
                List<OrderId> ids = new ArrayList<>();
                rows.forEach(row -> ids.add(new OrderId(row.getUuid("order_id"))));
                result.addAll(orders(channelId, ids));
                if (ids.size() < want) {
                    break;
                }
                after = ids.get(ids.size() - 1);
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
        return IndexPages.fill(cql, byCustomer.bind(customer.uuid()), limit, rows -> {
            List<CompletableFuture<Optional<Order>>> reads = new ArrayList<>();
            rows.forEach(row -> reads.add(read(new ChannelId(row.getUuid("channel_id")), new OrderId(row.getUuid("order_id")))));
            return collect(reads);
        });
    }

    /** The stored orders among {@code ids}, in their order: read at once, not one after another. */
    private List<Order> orders(ChannelId channelId, List<OrderId> ids) {
        List<CompletableFuture<Optional<Order>>> reads = new ArrayList<>();
        ids.forEach(id -> reads.add(read(channelId, id)));
        return collect(reads);
    }

    private CompletableFuture<Optional<Order>> read(ChannelId channelId, OrderId id) {
        return cql.executeAsync(select.bind(id.uuid())).thenApply((AsyncResultSet rows) -> ofChannel(rows.one(), channelId));
    }

    private static List<Order> collect(List<CompletableFuture<Optional<Order>>> reads) {
        List<Order> result = new ArrayList<>();
        reads.forEach(read -> Cql.join(read).ifPresent(result::add));
        return result;
    }

    /** An index row with no order yet (a create under way or never finished), or another channel's ID: nothing. */
    private static Optional<Order> ofChannel(Row row, ChannelId channelId) {
        if (row == null || row.isNull("status") || !channelId.uuid().equals(row.getUuid("channel_id"))) {
            return Optional.empty();
        }
        return Optional.of(order(row));
    }

    private static Order order(Row row) {
        return new Order(new OrderId(row.getUuid("order_id")), new ChannelId(row.getUuid("channel_id")),
                new UserId(row.getUuid("customer")), ChannelCodecs.items(row.getString("items")), row.getInstant("requested_at"),
                Fulfilment.valueOf(row.getString("fulfilment")), row.getString("address"), row.getString("note"),
                OrderStatus.valueOf(row.getString("status")), row.getString("reason"), row.getInt("version"),
                row.getInstant("updated_at"));
    }
}
