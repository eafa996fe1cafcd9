package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;

/**
 * A customer's order to a channel. {@code version} starts at 1 and grows by one with every status
 * change; a change applies only if the stored version is still the one it was decided on.
 *
 * @param requestedAt when the customer wants it, or null for "as soon as possible"
 * @param address     where to deliver; empty for pickup
 * @param reason      why it was rejected or cancelled; empty otherwise
 */
public record Order(OrderId id, ChannelId channelId, UserId customer, List<OrderItem> items, Instant requestedAt,
                    Fulfilment fulfilment, String address, String note, OrderStatus status, String reason,
                    int version, Instant updatedAt) {

    public static final int MAX_ITEMS = 50;

    public Order {
        requireNonNull(id, "id");
        requireNonNull(channelId, "channelId");
        requireNonNull(customer, "customer");
        items = List.copyOf(requireNonNull(items, "items"));
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw IeumException.invalid("items: " + items.size() + " (expected: 1.." + MAX_ITEMS + ")");
        }
        requireNonNull(fulfilment, "fulfilment");
        address = TextRules.text("address", address, fulfilment == Fulfilment.DELIVERY ? 1 : 0, 500);
        note = TextRules.text("note", note, 0, 1000);
        requireNonNull(status, "status");
        reason = TextRules.text("reason", reason, 0, 500);
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
        requireNonNull(updatedAt, "updatedAt");
    }

    public long total() {
        return items.stream().mapToLong(OrderItem::lineTotal).sum();
    }

    public Instant createdAt() {
        return id.createdAt();
    }

    /** This order moved to {@code next}: the version after this one. */
    public Order moved(OrderStatus next, String why, Instant at) {
        return new Order(id, channelId, customer, items, requestedAt, fulfilment, address, note, next, why,
                version + 1, at);
    }

    /** Whether {@code other} is the same submission (a retry), whatever happened to it since. */
    public boolean sameRequestAs(Order other) {
        return id.equals(other.id) && channelId.equals(other.channelId) && customer.equals(other.customer)
                && items.equals(other.items) && Objects.equals(requestedAt, other.requestedAt)
                && fulfilment == other.fulfilment && address.equals(other.address) && note.equals(other.note);
    }
}
