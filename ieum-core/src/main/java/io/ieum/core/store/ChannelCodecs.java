package io.ieum.core.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.ieum.core.channel.OrderItem;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;

/**
 * How both backends keep the list-valued fields of channels in one text column, without a JSON
 * library: items separated by {@code ;}, fields by {@code ,}, free text URL-encoded (UTF-8) so it
 * never contains a separator. The empty list is the empty string.
 */
public final class ChannelCodecs {

    private ChannelCodecs() {}

    public static String strings(List<String> values) {
        return String.join(",", values.stream().map(ChannelCodecs::escape).toList());
    }

    public static List<String> strings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",", -1)).map(ChannelCodecs::unescape).toList();
    }

    public static String users(List<UserId> users) {
        return String.join(",", users.stream().map(UserId::toString).toList());
    }

    public static List<UserId> users(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(UserId::of).toList();
    }

    /** {@code itemId,name,quantity,options,unitPrice;…} with the options list encoded once more. */
    public static String items(List<OrderItem> items) {
        List<String> encoded = new ArrayList<>();
        for (OrderItem item : items) {
            encoded.add(item.itemId() + "," + escape(item.name()) + "," + item.quantity() + ","
                    + escape(strings(item.options())) + "," + item.unitPrice());
        }
        return String.join(";", encoded);
    }

    public static List<OrderItem> items(String text) {
        List<OrderItem> items = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return items;
        }
        for (String item : text.split(";")) {
            String[] f = item.split(",", -1);
            if (f.length != 5) {
                throw new IllegalStateException("items column: '" + item + "' (expected: itemId,name,quantity,options,unitPrice)");
            }
            items.add(new OrderItem(ItemId.of(f[0]), unescape(f[1]), Integer.parseInt(f[2]), strings(unescape(f[3])),
                    Long.parseLong(f[4])));
        }
        return List.copyOf(items);
    }

    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
