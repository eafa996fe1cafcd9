package io.ieum.client;

import static io.ieum.client.IeumClient.segment;
import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.client.model.BookingResult;
import io.ieum.client.model.BookingView;
import io.ieum.client.model.CalendarView;
import io.ieum.client.model.CatalogueItemView;
import io.ieum.client.model.ChannelDetail;
import io.ieum.client.model.NewOrder;
import io.ieum.client.model.OrderView;
import io.ieum.client.model.OrderResult;
import io.ieum.client.model.Room;
import io.ieum.client.model.UserView;

/**
 * The business-channel calls of docs/protocol.md for one signed-in client ({@link IeumClient#shops()}).
 * Orders and bookings carry a caller-made ID, so a call whose answer was lost is sent again, with
 * the same ID, to the next site: the server stores one order or booking and answers the retry
 * {@code duplicate}. An order move is repeated only when it names the version it was decided on.
 */
public final class ShopClient {

    private final IeumClient client;

    ShopClient(IeumClient client) {
        this.client = requireNonNull(client, "client");
    }

    public ChannelDetail createChannel(String name, String description, String openingHours, String contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("openingHours", openingHours);
        body.put("contact", contact);
        return client.call(RestCall.json("POST", "/api/channels", body, false), ChannelDetail.class);
    }

    public ChannelDetail channel(String channelId) {
        return client.call(RestCall.get(channelPath(channelId)), ChannelDetail.class);
    }

    /** Makes {@code username} staff of the channel (owner only); repeating it changes nothing. */
    public UserView addStaff(String channelId, String username) {
        JsonNode answer = client.call(RestCall.json("PUT", channelPath(channelId) + "/staff/" + segment(username),
                Map.of(), true), JsonNode.class);
        return Json.convert(answer.path("user"), UserView.class);
    }

    public CatalogueItemView addProduct(String channelId, String name, long price, List<String> options) {
        return addItem(channelId, Map.of("kind", "PRODUCT", "name", name, "price", price, "options", options));
    }

    public CatalogueItemView addService(String channelId, String name, long price, int durationMinutes) {
        return addItem(channelId, Map.of("kind", "SERVICE", "name", name, "price", price,
                "durationMinutes", durationMinutes));
    }

    private CatalogueItemView addItem(String channelId, Map<String, Object> body) {
        return client.call(RestCall.json("POST", channelPath(channelId) + "/items", body, false), CatalogueItemView.class);
    }

    /** Sets the calendar: the same opening hours every day listed, and the bookable staff by username. */
    public CalendarView putCalendar(String channelId, String zone, int slotMinutes, Map<DayOfWeek, CalendarView.Hours> hours,
                                    List<String> staffUsernames) {
        Map<String, Object> days = new LinkedHashMap<>();
        hours.forEach((day, h) -> days.put(day.name(), h));
        return client.call(RestCall.json("PUT", channelPath(channelId) + "/calendar", Map.of("zone", zone,
                "slotMinutes", slotMinutes, "hours", days, "staff", staffUsernames), true), CalendarView.class);
    }

    /** My conversation with the shop (the same room every time). */
    public Room conversation(String channelId) {
        return client.call(RestCall.json("POST", channelPath(channelId) + "/conversation", Map.of(), true), Room.class);
    }

    // ---- orders --------------------------------------------------------------------------------

    /** Places order {@code orderId} (a fresh ID from {@link IeumClient#newMessageId()}); safe to repeat anywhere. */
    public OrderResult placeOrder(String channelId, String orderId, NewOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", requireNonNull(orderId, "orderId"));
        body.put("items", order.items());
        if (order.requestedAt() != null) {
            body.put("requestedAt", order.requestedAt().toString());
        }
        body.put("fulfilment", order.fulfilment());
        body.put("address", order.address());
        body.put("note", order.note());
        return client.call(RestCall.json("POST", channelPath(channelId) + "/orders", body, true), OrderResult.class);
    }

    public OrderView order(String channelId, String orderId) {
        return client.call(RestCall.get(channelPath(channelId) + "/orders/" + segment(orderId)), OrderView.class);
    }

    /** The newest {@code limit} (1..200) orders on the channel's board (staff only), newest first. */
    public List<OrderView> board(String channelId, int limit) {
        JsonNode answer = client.call(RestCall.get(channelPath(channelId) + "/orders?limit=" + limit), JsonNode.class);
        return IeumClient.list(answer.path("orders"), OrderView.class);
    }

    /**
     * Moves an order to {@code status}. With {@code version} (the one the caller decided on) the
     * move applies only to that version, so a lost answer is sent again to the next site; without it
     * a repeat could be judged against the caller's own applied move, so it is never repeated.
     */
    public OrderView moveOrder(String channelId, String orderId, String status, String reason, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", requireNonNull(status, "status"));
        if (reason != null) {
            body.put("reason", reason);
        }
        if (version != null) {
            body.put("version", version);
        }
        return client.call(RestCall.json("POST", channelPath(channelId) + "/orders/" + segment(orderId) + "/status",
                body, version != null), OrderView.class);
    }

    // ---- bookings ------------------------------------------------------------------------------

    /** Books {@code start} with a staff member under a caller-made ID; safe to repeat anywhere. */
    public BookingResult book(String channelId, String bookingId, String serviceId, String staffId, Instant start) {
        Map<String, Object> body = Map.of("id", requireNonNull(bookingId, "bookingId"), "serviceId", serviceId,
                "staffId", staffId, "start", start.toString());
        return client.call(RestCall.json("POST", channelPath(channelId) + "/bookings", body, true), BookingResult.class);
    }

    public BookingView booking(String channelId, String bookingId) {
        return client.call(RestCall.get(channelPath(channelId) + "/bookings/" + segment(bookingId)), BookingView.class);
    }

    /** The bookings holding slots from {@code from} to {@code to} (staff only), by start. */
    public List<BookingView> bookings(String channelId, Instant from, Instant to) {
        JsonNode answer = client.call(RestCall.get(channelPath(channelId) + "/bookings?from=" + segment(from.toString())
                + "&to=" + segment(to.toString())), JsonNode.class);
        return IeumClient.list(answer.path("bookings"), BookingView.class);
    }

    private static String channelPath(String channelId) {
        return "/api/channels/" + segment(channelId);
    }
}
