package io.ieum.server.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderItem;
import io.ieum.core.id.UserId;

/**
 * The order board as CSV (RFC 4180: CRLF lines, fields quoted when they hold a comma, quote or line
 * break). A leading {@code = + - @} is prefixed with an apostrophe so a spreadsheet never runs a
 * customer's note as a formula.
 */
final class OrderCsv {

    static final String HEADER = "order_id,created_at,status,customer,items,total,fulfilment,address,requested_at,note,reason,version";

    private OrderCsv() {}

    static String write(List<Order> orders, Map<UserId, String> usernames) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Order o : orders) {
            String items = o.items().stream().map(OrderCsv::line).collect(Collectors.joining("; "));
            csv.append(String.join(",", List.of(o.id().toString(), o.createdAt().toString(), o.status().name(),
                    field(usernames.getOrDefault(o.customer(), o.customer().toString())), field(items),
                    Long.toString(o.total()), o.fulfilment().name(), field(o.address()),
                    o.requestedAt() == null ? "" : o.requestedAt().toString(), field(o.note()), field(o.reason()),
                    Integer.toString(o.version())))).append("\r\n");
        }
        return csv.toString();
    }

    private static String line(OrderItem item) {
        return item.name() + " x" + item.quantity() + (item.options().isEmpty() ? "" : " (" + String.join(", ", item.options()) + ")");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
