package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;

import io.ieum.core.channel.Fulfilment;
import io.ieum.core.channel.Order;
import io.ieum.core.channel.OrderStatus;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.OrderId;
import io.ieum.core.id.UserId;
import io.ieum.core.service.OrderService;
import io.ieum.core.service.Services;
import io.ieum.server.api.ChannelViews.OrderView;
import io.ieum.server.http.ApiRequest;
import io.ieum.server.http.Fields;
import io.ieum.server.http.Responses;
import io.ieum.server.http.Router;

/** Placing orders, the shop's order board (filters, search, CSV) and status changes. */
public final class OrdersApi {

    /** On a CSV export that stopped at its limit: the {@code before} to export the rest with. */
    static final String NEXT_HEADER = "Ieum-Next";

    record LineBody(String itemId, Integer quantity, List<String> options) {}

    record OrderBody(String id, List<LineBody> items, String requestedAt, String fulfilment, String address, String note) {}

    record StatusBody(String status, String reason, Integer version) {}

    private final Services services;
    private final Responses responses;

    public OrdersApi(Services services, Responses responses) {
        this.services = requireNonNull(services, "services");
        this.responses = requireNonNull(responses, "responses");
    }

    public void register(Router router) {
        router.user(HttpMethod.POST, "/api/channels/{id}/orders", this::place);
        router.user(HttpMethod.GET, "/api/channels/{id}/orders", this::page);
        router.download("/api/channels/{id}/orders.csv", this::csv);
        router.user(HttpMethod.GET, "/api/channels/{id}/orders/{orderId}", req -> responses.ok(OrderView.of(
                services.orders().get(req.caller(), ChannelsApi.channelId(req), orderId(req)))));
        router.user(HttpMethod.POST, "/api/channels/{id}/orders/{orderId}/status", this::change);
        router.user(HttpMethod.GET, "/api/me/orders", req -> responses.ok(Map.of("orders",
                services.orders().mine(req.caller(), req.intQuery("limit", 50, 1, 200)).stream().map(OrderView::of).toList())));
    }

    private static OrderId orderId(ApiRequest req) {
        return OrderId.parse("orderId", req.path("orderId"));
    }

    private HttpResponse place(ApiRequest req) {
        ChannelId channel = ChannelsApi.channelId(req);
        OrderBody body = req.body(OrderBody.class);
        OrderId id = OrderId.parse("id", Fields.required(body.id(), "id", "a UUIDv7 made by the client"));
        List<LineBody> lines = Fields.required(body.items(), "items", "an array of {itemId, quantity, options}");
        List<OrderService.Line> items = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineBody line = lines.get(i);
            if (line == null) {
                throw IeumException.invalid("items[" + i + "]: null (expected: {itemId, quantity, options})");
            }
            items.add(new OrderService.Line(
                    ItemId.parse("items[" + i + "].itemId", Fields.required(line.itemId(), "items[" + i + "].itemId", "a product ID")),
                    Fields.required(line.quantity(), "items[" + i + "].quantity", "1..99"), line.options()));
        }
        OrderService.Placed placed = services.orders().place(req.caller(), channel, new OrderService.Request(id, items,
                WireValues.instantOrNull(body.requestedAt(), "requestedAt"),
                WireValues.enumOrNull(Fulfilment.class, body.fulfilment(), "fulfilment"), body.address(), body.note()));
        Map<String, Object> answer = Map.of("status", placed.created() ? "stored" : "duplicate", "order", OrderView.of(placed.order()));
        return placed.created() ? responses.created(answer) : responses.ok(answer);
    }

    private HttpResponse page(ApiRequest req) {
        OrderService.BoardPage page = board(req);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page.orders().stream().map(OrderView::of).toList());
        answer.put("next", page.next() == null ? null : page.next().toString());
        return responses.ok(answer);
    }

    private OrderService.BoardPage board(ApiRequest req) {
        return services.orders().board(req.caller(), ChannelsApi.channelId(req), filter(req, req.intQuery("limit", 50, 1, 200)));
    }

    private OrderService.BoardFilter filter(ApiRequest req, int limit) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        String status = req.query("status");
        if (status != null && !status.isBlank()) {
            Arrays.stream(status.split(",")).forEach(s -> statuses.add(WireValues.required(OrderStatus.class, s, "status")));
        }
        String before = req.query("before");
        return new OrderService.BoardFilter(statuses, req.query("q"), before == null ? null : OrderId.parse("before", before),
                limit);
    }

    /** Every matching order (up to {@link OrderService#MAX_EXPORT}; {@code Ieum-Next} says where to go on). */
    private HttpResponse csv(ApiRequest req) {
        int max = req.intQuery("limit", OrderService.MAX_EXPORT, 1, OrderService.MAX_EXPORT);
        OrderService.BoardPage export = services.orders().export(req.caller(), ChannelsApi.channelId(req), filter(req, max), max);
        List<Order> orders = export.orders();
        Map<UserId, String> names = new HashMap<>();
        for (UserId customer : OrderService.customers(orders)) {
            names.put(customer, services.accounts().account(customer).username().value());
        }
        byte[] bytes = OrderCsv.write(orders, names).getBytes(StandardCharsets.UTF_8);
        // A UTF-8 byte order mark, so that spreadsheets show Korean names correctly.
        byte[] withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);
        ResponseHeadersBuilder headers = ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.CSV_UTF_8)
                .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"orders.csv\"");
        if (export.next() != null) {
            headers.set(NEXT_HEADER, export.next().toString());
        }
        return HttpResponse.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(withBom));
    }

    private HttpResponse change(ApiRequest req) {
        StatusBody body = req.body(StatusBody.class);
        OrderStatus target = WireValues.required(OrderStatus.class, body.status(), "status");
        Order order = services.orders().change(req.caller(), ChannelsApi.channelId(req), orderId(req), target, body.reason(),
                body.version());
        return responses.ok(OrderView.of(order));
    }
}
