package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Change;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.Fulfilment;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderItem;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.EntryKind;
import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.OrderStore;

/**
 * Placing orders (idempotent under the client-made order ID) and moving them along the status flow.
 * Staff of the channel may make every allowed move; the customer may only cancel a new order.
 * Every applied change is posted into the customer's conversation with the channel.
 */
public final class OrderService {

    /** How far ahead a customer may ask for an order. */
    public static final Duration MAX_AHEAD = Duration.ofDays(365);
    private static final int CAS_ATTEMPTS = 3;

    private final OrderStore orders;
    private final ChannelStore channels;
    private final ChannelAccess access;
    private final ConversationRooms conversations;
    private final Limits limits;
    private final Clock clock;

    public OrderService(OrderStore orders, ChannelStore channels, ChannelAccess access, ConversationRooms conversations,
                        Limits limits, Clock clock) {
        this.orders = requireNonNull(orders, "orders");
        this.channels = requireNonNull(channels, "channels");
        this.access = requireNonNull(access, "access");
        this.conversations = requireNonNull(conversations, "conversations");
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
    }

    /** One line as the customer asks for it. */
    public record Line(ItemId itemId, int quantity, List<String> options) {}

    public record Request(OrderId id, List<Line> items, Instant requestedAt, Fulfilment fulfilment, String address,
                         String note) {}

    /** @param created false when this was a retry of an order already stored */
    public record Placed(Order order, boolean created) {}

    public Placed place(AuthContext caller, ChannelId channelId, Request request) {
        requireNonNull(request.id(), "id");
        Channel channel = access.channel(channelId);
        Instant now = clock.instant();
        Order order = new Order(request.id(), channelId, caller.userId(), lines(channelId, request.items()),
                checkRequestedAt(request.requestedAt(), now),
                request.fulfilment() == null ? Fulfilment.PICKUP : request.fulfilment(),
                request.address(), request.note(), OrderStatus.NEW, "", 1, now);
        String stale = IdFreshness.problem("id", order.id(), order.createdAt(), limits, clock);
        if (stale != null) {
            var stored = orders.get(channelId, order.id());
            if (stored.isPresent()) {
                return new Placed(retried(stored.get(), order), false);
            }
            // An old ID is let through only as a genuine retry: one whose create began here while it was
            // fresh, so it already sits at its place on the board (ADR 0016).
            if (order.createdAt().isAfter(now) || !orders.begun(channelId, order.id())) {
                throw IeumException.invalid(stale);
            }
        }
        if (!orders.create(order)) {
            Order stored = orders.get(channelId, order.id()).orElseThrow(() -> new IeumException(ErrorCode.ID_CONFLICT,
                    "id: " + order.id() + " (expected: a new ID for a new order)"));
            return new Placed(retried(stored, order), false);
        }
        conversations.post(channel, order.customer(), caller.userId(), EntryKind.ORDER_UPDATE, notice(order), "");
        return new Placed(order, true);
    }

    private static Order retried(Order stored, Order asked) {
        if (!stored.sameRequestAs(asked)) {
            throw new IeumException(ErrorCode.ID_CONFLICT, "id: " + asked.id() + " (expected: a new ID for a new order)");
        }
        return stored;
    }

    private List<OrderItem> lines(ChannelId channelId, List<Line> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > Order.MAX_ITEMS) {
            throw IeumException.invalid("items: " + (lines == null ? 0 : lines.size()) + " (expected: 1.." + Order.MAX_ITEMS + ")");
        }
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "items[" + i + "]";
            if (line == null || line.itemId() == null) {
                throw IeumException.invalid(field + ".itemId: missing (expected: a product of this channel)");
            }
            CatalogueItem item = channels.item(channelId, line.itemId())
                    .filter(found -> found.kind() == ItemKind.PRODUCT && found.available())
                    .orElseThrow(() -> IeumException.invalid(field + ".itemId: " + line.itemId()
                            + " (expected: an available product of channel " + channelId + ")"));
            if (line.quantity() < 1 || line.quantity() > OrderItem.MAX_QUANTITY) {
                throw IeumException.invalid(field + ".quantity: " + line.quantity() + " (expected: 1.." + OrderItem.MAX_QUANTITY + ")");
            }
            List<String> options = line.options() == null ? List.of() : List.copyOf(line.options());
            Set<String> seen = new HashSet<>();
            for (String option : options) {
                if (!item.options().contains(option) || !seen.add(option)) {
                    throw IeumException.invalid(field + ".options: '" + option + "' (expected: one of " + item.options()
                            + ", each at most once)");
                }
            }
            items.add(new OrderItem(item.id(), item.name(), line.quantity(), options, item.price()));
        }
        return items;
    }

    private static Instant checkRequestedAt(Instant requestedAt, Instant now) {
        if (requestedAt == null) {
            return null;
        }
        if (requestedAt.isBefore(now.minus(Duration.ofMinutes(1))) || requestedAt.isAfter(now.plus(MAX_AHEAD))) {
            throw IeumException.invalid("requestedAt: " + requestedAt + " (expected: between now " + now + " and "
                    + MAX_AHEAD.toDays() + " days ahead)");
        }
        return requestedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** The order, for its customer or the channel's staff. */
    public Order get(AuthContext caller, ChannelId channelId, OrderId id) {
        Order order = find(channelId, id);
        if (!order.customer().equals(caller.userId())) {
            access.requireStaff(channelId, caller.userId());
        }
        return order;
    }

    private Order find(ChannelId channelId, OrderId id) {
        access.channel(channelId);
        return orders.get(channelId, id)
                .orElseThrow(() -> IeumException.notFound("orderId: " + id + " (expected: an order of channel " + channelId + ")"));
    }

    /**
     * Moves the order to {@code target}. With {@code expectedVersion} the move applies only to that
     * version (else {@code state_changed}); without it, to the version just read — of two racing
     * moves exactly one applies, the other is re-judged against the winner's status. A retry of a move
     * that already applied answers the stored order.
     */
    public Order change(AuthContext caller, ChannelId channelId, OrderId id, OrderStatus target, String reason,
                        Integer expectedVersion) {
        requireNonNull(target, "target");
        Channel channel = access.channel(channelId);
        Order order = find(channelId, id);
        boolean staff = access.isStaff(channelId, caller.userId());
        if (!staff) {
            if (!order.customer().equals(caller.userId())) {
                throw IeumException.forbidden("channelId: " + channelId + " (expected: a channel you work for)");
            }
            if (target != OrderStatus.CANCELLED) {
                throw IeumException.forbidden("status: " + target + " (expected: CANCELLED; only the shop moves orders on)");
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (target.needsReason() && why.isEmpty()) {
            throw IeumException.invalid("reason: missing (expected: why the order is " + target.name().toLowerCase(Locale.ROOT) + ")");
        }
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            if (expectedVersion != null && order.version() != expectedVersion) {
                if (order.status() == target && order.version() == expectedVersion + 1) {
                    return order; // the same move, already applied (a retry)
                }
                throw stateChanged(order, expectedVersion);
            }
            checkMove(order, target, staff);
            Change<Order> change = orders.update(order.moved(target, target.needsReason() ? why : "", clock.instant()));
            if (change.applied()) {
                conversations.post(channel, order.customer(), caller.userId(), EntryKind.ORDER_UPDATE,
                        notice(change.current()), change.current().reason());
                return change.current();
            }
            if (change.current() == null) {
                throw IeumException.notFound("orderId: " + id + " (expected: an order of channel " + channelId + ")");
            }
            order = change.current();
        }
        throw stateChanged(order, expectedVersion == null ? order.version() : expectedVersion);
    }

    private static void checkMove(Order order, OrderStatus target, boolean staff) {
        if (!order.status().canMoveTo(target)) {
            throw new IeumException(ErrorCode.INVALID_TRANSITION, "status: " + order.status() + " -> " + target
                    + " (expected one of: " + order.status().next() + ")");
        }
        if (!staff && order.status() != OrderStatus.NEW) {
            throw new IeumException(ErrorCode.INVALID_TRANSITION, "status: " + order.status() + " -> " + target
                    + " (expected: a customer cancels only a NEW order; ask the shop)");
        }
    }

    private static IeumException stateChanged(Order order, int expected) {
        return new IeumException(ErrorCode.STATE_CHANGED, "version: " + expected + " (expected: " + order.version()
                + ", the order is now " + order.status() + ")");
    }

    static String notice(Order order) {
        return order.id() + ":" + order.status();
    }

    /** Most orders one CSV export holds; a bigger board is exported in several files (see {@code next}). */
    public static final int MAX_EXPORT = 10_000;

    /** What the order board shows: optionally only some statuses, and only orders matching {@code query}. */
    public record BoardFilter(Set<OrderStatus> statuses, String query, OrderId before, int limit) {}

    /**
     * One page of the board. {@code next} is the {@code before} to ask for the page after it (older
     * orders), or null when no order is left to look at.
     */
    public record BoardPage(List<Order> orders, OrderId next) {
        public BoardPage {
            orders = List.copyOf(orders);
        }
    }

    /**
     * The channel's orders, newest first, filtered. The query matches the note, the address, item
     * names, the order ID and the customer ID, ignoring case. Scans at most {@code 10 × limit} orders,
     * so a rare match may take several pages (each may be short, even empty) until {@code next} is null.
     */
    public BoardPage board(AuthContext caller, ChannelId channelId, BoardFilter filter) {
        access.requireStaff(channelId, caller.userId());
        int limit = filter.limit();
        if (limit < 1 || limit > MessageService.MAX_PAGE) {
            throw IeumException.invalid("limit: " + limit + " (expected: 1.." + MessageService.MAX_PAGE + ")");
        }
        String query = filter.query() == null ? "" : filter.query().strip().toLowerCase(Locale.ROOT);
        List<Order> result = new ArrayList<>();
        OrderId before = filter.before();
        int scanned = 0;
        while (scanned < limit * 10) {
            int asked = Math.min(MessageService.MAX_PAGE, limit * 10 - scanned);
            List<Order> page = orders.byChannel(channelId, before, asked);
            for (Order order : page) {
                scanned++;
                before = order.id();
                if ((filter.statuses() == null || filter.statuses().isEmpty() || filter.statuses().contains(order.status()))
                        && matches(order, query)) {
                    result.add(order);
                    if (result.size() == limit) {
                        return new BoardPage(result, order.id());
                    }
                }
            }
            if (page.size() < asked) {
                return new BoardPage(result, null);
            }
        }
        // Scanned enough for one answer: the caller goes on from the last order looked at.
        return new BoardPage(result, before);
    }

    /**
     * Every order the board's filter matches, newest first from {@code filter.before()}, at most
     * {@code max} (the filter's {@code limit} is ignored); {@code next} as in {@link #board}, null once
     * nothing is left. For the CSV export, which must not stop at one page.
     */
    public BoardPage export(AuthContext caller, ChannelId channelId, BoardFilter filter, int max) {
        if (max < 1 || max > MAX_EXPORT) {
            throw IeumException.invalid("limit: " + max + " (expected: 1.." + MAX_EXPORT + ")");
        }
        List<Order> all = new ArrayList<>();
        OrderId before = filter.before();
        while (true) {
            BoardPage page = board(caller, channelId, new BoardFilter(filter.statuses(), filter.query(), before,
                    Math.min(MessageService.MAX_PAGE, max - all.size())));
            all.addAll(page.orders());
            if (page.next() == null || all.size() >= max) {
                return new BoardPage(all, page.next());
            }
            before = page.next();
        }
    }

    private static boolean matches(Order order, String query) {
        if (query.isEmpty()) {
            return true;
        }
        return order.note().toLowerCase(Locale.ROOT).contains(query)
                || order.address().toLowerCase(Locale.ROOT).contains(query)
                || order.id().toString().contains(query)
                || order.customer().toString().contains(query)
                || order.items().stream().anyMatch(item -> item.name().toLowerCase(Locale.ROOT).contains(query));
    }

    public List<Order> mine(AuthContext caller, int limit) {
        if (limit < 1 || limit > MessageService.MAX_PAGE) {
            throw IeumException.invalid("limit: " + limit + " (expected: 1.." + MessageService.MAX_PAGE + ")");
        }
        return orders.byCustomer(caller.userId(), limit);
    }

    /** Customer IDs of the board, for views that show names. */
    public static Set<UserId> customers(List<Order> orders) {
        Set<UserId> ids = new HashSet<>();
        orders.forEach(order -> ids.add(order.customer()));
        return ids;
    }
}
