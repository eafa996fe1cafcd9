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
 * insert-if-absent under the order ID alone (an ID names one order of one channel), linearizable
 * across sites, so retries anywhere make one order, and concurrent orders of one shop do not
 * contend with each other (ADR 0016). Every status
 * change is a linearizable compare-and-set on the stored version (a transaction on SQLite, a
 * lightweight transaction at SERIAL on Cassandra), so of two concurrent changes decided on the same
 * version exactly one applies.
 */
public interface OrderStore {

    /**
     * Stores the order unless one with its ID is stored (at any channel); never overwrites. Marks the
     * try first ({@link #begun}), so a call that fails after that point can be retried later under
     * the same ID. Once this returns true the order is also on its channel's board and its customer's list.
     *
     * @return true if it was new; false if an order with this ID was stored before (read it with
     *         {@link #get} and compare with {@link Order#sameRequestAs} to tell a retry from a reused ID;
     *         empty there means the ID belongs to another channel's order)
     */
    boolean create(Order order);

    /**
     * Whether a {@link #create} of this ID for this channel was started before — it may not have
     * stored the order (the caller timed out, a site died, Paxos stayed contended). The proof that the
     * ID was presented, fresh, to this channel once: a later resend of it is a genuine retry (ADR 0016).
     */
    boolean begun(ChannelId channelId, OrderId id);

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
