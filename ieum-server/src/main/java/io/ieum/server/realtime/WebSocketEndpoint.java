package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import com.linecorp.armeria.common.CommonPools;

import io.ieum.core.service.Services;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Json;
import io.ieum.server.ops.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * The WebSocket endpoint of docs/protocol.md ("WebSocket: GET /ws"), on plain Netty inside
 * Armeria's port (ADR 0007): {@link #pipelineCustomizer()} puts an {@link UpgradeSniffer} first in
 * every connection's pipeline; a {@code GET /ws} connection leaves Armeria, is upgraded by
 * {@link Handshake}, and becomes a {@link Connection}. The endpoint keeps track of open sockets for
 * {@link #shutdown()}. Call {@link #shutdown()} before stopping the server, and keep TCP_NODELAY on
 * ({@code childChannelOption(ChannelOption.TCP_NODELAY, true)}): Nagle's algorithm adds tens of
 * milliseconds to small pushes.
 */
public final class WebSocketEndpoint {

    /** Longest upgrade request accepted (a GET has no body; this bounds a client that sends one). */
    private static final int MAX_HANDSHAKE_BYTES = 8 * 1024;

    private final Delivery delivery;
    private final RealtimeSettings settings;
    private final FrameDispatcher dispatcher;
    private final Executor blocking;
    private final Json json;
    private final ErrorMessages messages;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<EventLoop, LoopWriter> writers = new ConcurrentHashMap<>();
    private final Counter slowDropped;
    private volatile boolean shuttingDown;

    public WebSocketEndpoint(Services services, Delivery delivery, Json json, ErrorMessages messages,
                             MeterRegistry meters, String nodeName, Clock clock) {
        this(services, delivery, json, messages, meters, nodeName, clock, RealtimeSettings.DEFAULTS);
    }

    WebSocketEndpoint(Services services, Delivery delivery, Json json, ErrorMessages messages,
                      MeterRegistry meters, String nodeName, Clock clock, RealtimeSettings settings) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.settings = requireNonNull(settings, "settings");
        this.json = requireNonNull(json, "json");
        this.messages = requireNonNull(messages, "messages");
        requireNonNull(meters, "meters");
        // The executor Armeria gives blocking work; storage calls and Argon2 never run on an event loop.
        this.blocking = CommonPools.blockingTaskExecutor();
        this.dispatcher = new FrameDispatcher(services, delivery, new ClientFrameParser(json), new ServerFrames(json),
                messages, nodeName, clock, meters.counter(RealtimeMetrics.PROTOCOL_VIOLATIONS),
                meters.counter(Metrics.MESSAGES_SENT), meters.counter(Metrics.MESSAGES_DUPLICATE));
        this.slowDropped = meters.counter(RealtimeMetrics.SLOW_CONSUMERS_DROPPED);
        meters.gauge(RealtimeMetrics.CONNECTIONS, connections, Set::size);
    }

    /** For {@code ServerBuilder.childChannelPipelineCustomizer}: routes {@code GET /ws} here, all else to Armeria. */
    public Consumer<ChannelPipeline> pipelineCustomizer() {
        return p -> p.addFirst(new UpgradeSniffer("/ws", this::upgrade));
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

    private void upgrade(ChannelPipeline p) {
        p.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                new Handshake(json, messages, this::accept));
    }

    /** The handshake is answered: the handshake handler makes way for this socket's own handlers. */
    private void accept(ChannelHandlerContext handshake, Locale locale) {
        Channel channel = handshake.channel();
        Outbound out = new Outbound(channel, settings.maxPendingBytes(), slowDropped::increment);
        LoopWriter writer = writers.computeIfAbsent(channel.eventLoop(), LoopWriter::new);
        Connection connection = new Connection(channel, out, locale, dispatcher, settings, blocking, writer);
        ChannelPipeline p = channel.pipeline();
        p.addLast(new WebSocketFrameAggregator(RealtimeSettings.MAX_FRAME_BYTES), out, connection);
        p.remove(handshake.handler());
        if (shuttingDown) {
            connection.close(CloseCodes.GOING_AWAY, "server shutting down");
            return;
        }
        connections.add(connection);
        channel.closeFuture().addListener(closed -> {
            connection.stopTimer();
            connections.remove(connection);
            if (connection.isAuthenticated()) {
                delivery.unregister(connection);
            }
        });
        connection.startAuthDeadline();
    }
}
