package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpService;

import io.ieum.server.realtime.UpgradeRefusal;
import io.ieum.server.realtime.UpgradeSniffer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;

/**
 * {@code /internal/events}: where peers connect to hand this node their events. Like {@code /ws}
 * (ADR 0007) the connection leaves Armeria for a plain Netty WebSocket pipeline on the same port:
 * Armeria 1.34.1's WebSocket decoder closed busy peer links with {@code 1002 invalid data frame
 * length} on well-formed frames (ADR 0006), dropping every event queued for them. Refuses, with
 * 401 and before any upgrade, every request that does not carry the cluster secret — a client's
 * bearer token is not enough. A node that has no secret configured refuses everything.
 */
final class InternalEventsService {

    static final String PATH = "/internal/events";
    static final String SECRET_HEADER = "x-ieum-cluster-secret";
    static final String ORIGIN_HEADER = "x-ieum-node-origin";
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InternalEventsService.class);
    /** An upgrade request has no body; this bounds one that sends one anyway. */
    private static final int MAX_HANDSHAKE_BYTES = 16 * 1024;
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .expectMaskedFrames(true)
            .allowExtensions(false)
            .closeOnProtocolViolation(true)
            .build();
    private static final int GOING_AWAY = 1001;
    private static final String UNAUTHORIZED =
            "{\"error\":\"unauthorized\",\"message\":\"internal endpoint (expected: the cluster secret)\"}";
    private static final String NOT_AN_UPGRADE =
            "{\"error\":\"bad_request\",\"message\":\"request: not a WebSocket upgrade (expected: GET with Upgrade: websocket over HTTP/1.1)\"}";

    @Nullable
    private final byte[] secret;
    private final String origin;
    private final ClusterWire wire;
    private final Receiver receiver;
    private final Links links;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    /** What this node does with an event a peer sent. */
    interface Receiver {
        void receive(JsonNode frame);
    }

    /** Told when a peer's connection to this node opens or ends (not when this node is shutting down). */
    interface Links {
        void opened(String peerOrigin);

        void closed(String peerOrigin);
    }

    InternalEventsService(@Nullable String secret, String origin, ClusterWire wire, Receiver receiver, Links links) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.origin = requireNonNull(origin, "origin");
        this.wire = requireNonNull(wire, "wire");
        this.receiver = requireNonNull(receiver, "receiver");
        this.links = requireNonNull(links, "links");
    }

    /** For {@code ServerBuilder.childChannelPipelineCustomizer}: takes {@code GET /internal/events} out of Armeria. */
    Consumer<ChannelPipeline> pipelineCustomizer() {
        return p -> p.addFirst(new UpgradeSniffer(PATH, this::upgrade));
    }

    /**
     * What Armeria answers at {@link #PATH} for requests the sniffer leaves to it (HTTP/2, methods
     * other than GET): never an upgrade, only the same refusals.
     */
    HttpService refusals() {
        return (ctx, req) -> authorized(req.headers().get(SECRET_HEADER))
                ? HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.JSON_UTF_8, NOT_AN_UPGRADE)
                : HttpResponse.of(HttpStatus.UNAUTHORIZED, MediaType.JSON_UTF_8, UNAUTHORIZED);
    }

    /** Closes the connections of peers (1001), so that they mark this node down at once, and refuses new ones. */
    void shutdown() {
        shuttingDown = true;
        for (Channel channel : open) {
            goAway(channel);
        }
    }

    private void upgrade(ChannelPipeline p) {
        p.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES), new PeerHandshake());
    }

    private boolean authorized(@Nullable String presented) {
        return secret != null && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void goAway(Channel channel) {
        channel.writeAndFlush(new CloseWebSocketFrame(GOING_AWAY, "node shutting down"))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Checks the secret and who is calling, then upgrades; every refusal closes the connection. */
    private final class PeerHandshake extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!authorized(request.headers().get(SECRET_HEADER))) {
                refuse(ctx, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED);
                return;
            }
            if (shuttingDown) {
                refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "{\"error\":\"busy\",\"message\":\"node: shutting down (expected: another node)\"}");
                return;
            }
            String peer = request.headers().get(ORIGIN_HEADER);
            if (origin.equals(peer)) {
                refuse(ctx, HttpResponseStatus.CONFLICT, // a node listed among its own peers
                        "{\"error\":\"conflict\",\"message\":\"x-ieum-node-origin: this node itself (expected: a peer)\"}");
                return;
            }
            if (request.decoderResult().isFailure()
                    || !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, NOT_AN_UPGRADE);
                return;
            }
            try {
                new WebSocketServerHandshaker13(PATH, null, DECODER).handshake(ctx.channel(), request);
            } catch (WebSocketHandshakeException rejected) {
                refuse(ctx, HttpResponseStatus.BAD_REQUEST,
                        "{\"error\":\"bad_request\",\"message\":\"handshake: refused (expected: RFC 6455 version 13)\"}");
                return;
            }
            accept(ctx, String.valueOf(peer));
        }

        private void accept(ChannelHandlerContext ctx, String peer) {
            Channel channel = ctx.channel();
            ctx.pipeline().addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES), new PeerFrames());
            ctx.pipeline().remove(this);
            if (shuttingDown) {
                goAway(channel);
                return;
            }
            open.add(channel);
            links.opened(peer);
            channel.closeFuture().addListener(closed -> {
                open.remove(channel);
                if (!shuttingDown) {
                    links.closed(peer);
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // e.g. reset by the peer before the handshake ended
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String json) {
            UpgradeRefusal.send(ctx, status, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A peer's frames: heartbeats are answered, events handed to the receiver, in arrival order. */
    private final class PeerFrames extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                try {
                    handle(ctx, text.text());
                } catch (RuntimeException e) {
                    log.warn("Bad frame from peer {}", ctx.channel().remoteAddress(), e);
                }
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame) {
                ctx.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void handle(ChannelHandlerContext ctx, String text) {
            JsonNode frame = wire.parse(text);
            switch (frame.path("t").asText()) {
                case "hb" -> ctx.writeAndFlush(new TextWebSocketFrame(ClusterWire.HEARTBEAT));
                case "ev" -> receiver.receive(frame);
                default -> log.warn("Unknown frame type from a peer: '{}'", frame.path("t").asText());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Peer link from {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
