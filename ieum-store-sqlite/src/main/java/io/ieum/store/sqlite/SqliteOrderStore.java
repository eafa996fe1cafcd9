package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Change;
import io.ieum.core.channel.Order;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.OrderStore;
import io.ieum.core.store.StoreArguments;

/**
 * Orders on the one writer thread: insert-if-absent and the version compare-and-set are each one task.
 * A create first records that it began, in a task of its own, so that a create which fails after it
 * (busy, a crash) can be retried later under the same ID (ADR 0016).
 */
final class SqliteOrderStore implements OrderStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final OrderDao dao = new OrderDao();

    SqliteOrderStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public boolean create(Order order) {
        requireNonNull(order, "order");
        writer.call(c -> {
            CreateAttemptsDao.ORDERS.markBegun(c, order.channelId(), order.id().uuid());
            return null;
        });
        return writer.call(c -> dao.insertIfAbsent(c, order));
    }

    @Override
    public boolean begun(ChannelId channelId, OrderId id) {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        return reads.read(c -> CreateAttemptsDao.ORDERS.begun(c, channelId, id.uuid()));
    }

    @Override
    public Optional<Order> get(ChannelId channelId, OrderId id) {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        return reads.read(c -> dao.get(c, channelId, id));
    }

    @Override
    public Change<Order> update(Order next) {
        requireNonNull(next, "next");
        return writer.call(c -> dao.compareAndSet(c, next)
                ? new Change<>(Change.Outcome.APPLIED, next)
                : new Change<>(Change.Outcome.STALE, dao.get(c, next.channelId(), next.id()).orElse(null)));
    }

    @Override
    public List<Order> byChannel(ChannelId channelId, OrderId before, int limit) {
        requireNonNull(channelId, "channelId");
        StoreArguments.limit(limit);
        return reads.read(c -> dao.byChannel(c, channelId, before, limit));
    }

    @Override
    public List<Order> byCustomer(UserId customer, int limit) {
        requireNonNull(customer, "customer");
        StoreArguments.limit(limit);
        return reads.read(c -> dao.byCustomer(c, customer, limit));
    }
}
