package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;

/**
 * One entry of a channel's catalogue.
 *
 * @param price           in the currency's smallest unit (won), 0..{@link #MAX_PRICE}
 * @param options         the choices a customer may add to a product ("초코", "large"); empty for services
 * @param durationMinutes how long a service takes; 0 for products
 * @param available       false once withdrawn: kept so that old orders still name it, but not orderable
 */
public record CatalogueItem(ItemId id, ChannelId channelId, ItemKind kind, String name, long price,
                            List<String> options, int durationMinutes, boolean available) {

    public static final long MAX_PRICE = 100_000_000L;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_DURATION_MINUTES = 12 * 60;

    public CatalogueItem {
        requireNonNull(id, "id");
        requireNonNull(channelId, "channelId");
        requireNonNull(kind, "kind");
        name = TextRules.text("name", name, 1, 100);
        TextRules.range("price", price, 0, MAX_PRICE);
        options = List.copyOf(requireNonNull(options, "options")).stream()
                .map(option -> TextRules.text("options[]", option, 1, 50)).distinct().toList();
        if (options.size() > MAX_OPTIONS) {
            throw IeumException.invalid("options: " + options.size() + " (expected: at most " + MAX_OPTIONS + ")");
        }
        if (kind == ItemKind.SERVICE) {
            TextRules.range("durationMinutes", durationMinutes, 5, MAX_DURATION_MINUTES);
            if (!options.isEmpty()) {
                throw IeumException.invalid("options: " + options.size() + " (expected: none for a service)");
            }
        } else if (durationMinutes != 0) {
            throw IeumException.invalid("durationMinutes: " + durationMinutes + " (expected: 0 for a product)");
        }
    }

    public CatalogueItem withAvailable(boolean available) {
        return new CatalogueItem(id, channelId, kind, name, price, options, durationMinutes, available);
    }
}
