package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.websocket.WebSocketService;

import io.ieum.core.service.Services;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The WebSocket endpoint of docs/protocol.md ("WebSocket: GET /ws"): accepts sockets, hands each
 * one to a {@link Connection}, and keeps track of them for {@link #shutdown()}. Bind
 * {@link #service()} at {@code /ws}, call {@link #shutdown()} before stopping the server, and keep
 * TCP_NODELAY on (Netty's default; {@code childChannelOption(ChannelOption.TCP_NODELAY, true)} makes
 * it explicit): Nagle's algorithm adds tens of milliseconds to small pushes.
 */
public final class WebSocketEndpoint {

    private static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.KOREAN);

    private final Delivery delivery;
    private final RealtimeSettings settings;
    private final FrameDispatcher dispatcher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Counter slowDropped;
    private final HttpService service;
    private volatile boolean shuttingDown;

    public WebSocketEndpoint(Services services, Delivery delivery, Json json, ErrorMessages messages,
                             MeterRegistry meters, String nodeName, Clock clock) {
        this(services, delivery, json, messages, meters, nodeName, clock, RealtimeSettings.DEFAULTS);
    }

    WebSocketEndpoint(Services services, Delivery delivery, Json json, ErrorMessages messages,
                      MeterRegistry meters, String nodeName, Clock clock, RealtimeSettings settings) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.settings = requireNonNull(settings, "settings");
        requireNonNull(meters, "meters");
        this.dispatcher = new FrameDispatcher(services, delivery, new ClientFrameParser(json), new ServerFrames(json),
                messages, nodeName, clock, meters.counter(RealtimeMetrics.PROTOCOL_VIOLATIONS));
        this.slowDropped = meters.counter(RealtimeMetrics.SLOW_CONSUMERS_DROPPED);
        meters.gauge(RealtimeMetrics.CONNECTIONS, connections, Set::size);
        this.service = WebSocketService.builder((ctx, in) -> accept(ctx, in))
                .maxFramePayloadLength(RealtimeSettings.MAX_FRAME_BYTES)
                .aggregateContinuation(true)
                .allowedOrigins("*") // browsers of any origin; authentication is by token, not cookie
                .build();
    }

    /** The service to bind at {@code /ws}. */
    public HttpService service() {
        return service;
    }

    /** Closes every socket with 1001 "server shutting down" and refuses new ones. */
    public void shutdown() {
        shuttingDown = true;
        for (Connection connection : connections) {
            connection.close(CloseCodes.GOING_AWAY, "server shutting down");
        }
    }

    /** Open sockets, authenticated or not. */
    public int connectionCount() {
        return connections.size();
    }

    private WebSocket accept(ServiceRequestContext ctx, WebSocket in) {
        Outbound out = new Outbound(WebSocket.streaming(), settings.maxPendingBytes(), slowDropped::increment);
        Connection connection = new Connection(ctx, out, locale(ctx), dispatcher, settings);
        if (shuttingDown) {
            connection.close(CloseCodes.GOING_AWAY, "server shutting down");
            in.abort();
            return out.stream();
        }
        connections.add(connection);
        connection.whenClosed().handle((ignored, cause) -> {
            connection.stopTimer();
            connections.remove(connection);
            if (connection.isAuthenticated()) {
                delivery.unregister(connection);
            }
            return null;
        });
        in.subscribe(connection, ctx.eventLoop());
        connection.startAuthDeadline();
        return out.stream();
    }

    private static Locale locale(ServiceRequestContext ctx) {
        String header = ctx.request().headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED_LOCALES);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
