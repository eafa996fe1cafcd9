package io.ieum.client.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a customer orders: lines of catalogue products, an optional requested time, PICKUP or
 * DELIVERY (then with an address) and a note.
 */
public record NewOrder(List<Line> items, Instant requestedAt, String fulfilment, String address, String note) {

    public NewOrder {
        items = List.copyOf(requireNonNull(items, "items"));
        requireNonNull(fulfilment, "fulfilment");
    }

    /** A pickup order with no requested time and no note. */
    public static NewOrder pickup(List<Line> items) {
        return new NewOrder(items, null, "PICKUP", null, null);
    }

    public record Line(String itemId, int quantity, List<String> options) {

        public Line {
            requireNonNull(itemId, "itemId");
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
