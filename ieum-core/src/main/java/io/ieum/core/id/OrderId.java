package io.ieum.core.id;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import io.ieum.core.error.IeumException;

/**
 * Identifies an order. The customer's client makes it (UUIDv7) before the first try and reuses it on
 * every retry, on any site: it is the idempotency key, so a retried submission creates one.
 */
public record OrderId(UUID uuid) implements Comparable<OrderId> {

    public OrderId {
        requireNonNull(uuid, "uuid");
        if (uuid.version() != 7) {
            throw IeumException.invalid("orderId: " + uuid + " (expected: a time-ordered UUID version 7)");
        }
    }

    public static OrderId generate() {
        return new OrderId(Ids.newTimeOrdered());
    }

    public static OrderId parse(String field, String text) {
        return new OrderId(Ids.parse(field, requireNonNull(text, field)));
    }

    public static OrderId of(String text) {
        return parse("orderId", text);
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(Ids.epochMillis(uuid));
    }

    @Override
    public int compareTo(OrderId other) {
        return Ids.compare(uuid, other.uuid);
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
