package io.ieum.client.model;

import java.time.Instant;
import java.util.List;

/** An order; {@code version} grows by one with every applied change of {@code status}. */
public record OrderView(String id, String channelId, String customer, List<OrderLine> items, long total,
                        Instant requestedAt, String fulfilment, String address, String note, String status,
                        String reason, int version, Instant createdAt, Instant updatedAt) {

    public OrderView {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
