package io.ieum.core.store;

import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.Change;
import io.ieum.core.channel.Order;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;

/**
 * Orders. The order ID is made by the customer's client and is the idempotency key: creating is
 * insert-if-absent, linearizable across sites, so retries anywhere make one order. Every status
 * change is a linearizable compare-and-set on the stored version (a transaction on SQLite, a
 * lightweight transaction at SERIAL on Cassandra), so of two concurrent changes decided on the same
 * version exactly one applies.
 */
public interface OrderStore {

    /**
     * Stores the order unless the channel has one with its ID; never overwrites.
     *
     * @return true if it was new; false if an order with this (channel, ID) was stored before (read it
     *         and compare with {@link Order#sameRequestAs} to tell a retry from a reused ID)
     */
    boolean create(Order order);

    Optional<Order> get(ChannelId channelId, OrderId id);

    /**
     * Replaces the stored order with {@code next} if the stored version is {@code next.version() - 1}.
     *
     * @return APPLIED with {@code next}, or STALE with the stored order (empty current if there is none)
     */
    Change<Order> update(Order next);

    /** Up to {@code limit} of the channel's orders (1..{@link TimelineStore#MAX_LIMIT}), newest first, older than {@code before} if given. */
    List<Order> byChannel(ChannelId channelId, OrderId before, int limit);

    /** Up to {@code limit} of the customer's orders at every channel, newest first. */
    List<Order> byCustomer(UserId customer, int limit);
}
