package io.ieum.core.channel;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. The allowed moves are the only ones a store ever applies:
 * new → accepted → in progress → ready | shipped → completed, or rejected (from new) / cancelled
 * (before it is ready or shipped), each with a reason.
 */
public enum OrderStatus {
    NEW,
    ACCEPTED,
    IN_PROGRESS,
    READY,
    SHIPPED,
    COMPLETED,
    REJECTED,
    CANCELLED;

    /** The statuses this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(READY, SHIPPED, CANCELLED);
            case READY, SHIPPED -> EnumSet.of(COMPLETED);
            case COMPLETED, REJECTED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Rejecting and cancelling must say why; the customer sees the reason. */
    public boolean needsReason() {
        return this == REJECTED || this == CANCELLED;
    }
}
