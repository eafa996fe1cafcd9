package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.ieum.core.id.ItemId;

/**
 * One line of an order. Name and unit price are copied from the catalogue when the order is placed,
 * so later catalogue edits never change an order.
 */
public record OrderItem(ItemId itemId, String name, int quantity, List<String> options, long unitPrice) {

    public static final int MAX_QUANTITY = 99;

    public OrderItem {
        requireNonNull(itemId, "itemId");
        requireNonNull(name, "name");
        TextRules.range("quantity", quantity, 1, MAX_QUANTITY);
        options = List.copyOf(requireNonNull(options, "options"));
        TextRules.range("unitPrice", unitPrice, 0, CatalogueItem.MAX_PRICE);
    }

    public long lineTotal() {
        return unitPrice * quantity;
    }
}
