package io.ieum.client.model;

import java.util.List;

/** One line of an order as stored: the product's name and price when ordered. */
public record OrderLine(String itemId, String name, int quantity, List<String> options, long unitPrice) {

    public OrderLine {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
