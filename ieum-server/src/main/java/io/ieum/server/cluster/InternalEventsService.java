package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.websocket.WebSocketService;

/**
 * {@code /internal/events}: where peers connect to hand this node their events. Refuses, with 401
 * and before any upgrade, every request that does not carry the cluster secret — a client's bearer
 * token is not enough, and browsers are refused by the WebSocket origin check as well. A node that
 * has no secret configured refuses everything.
 */
final class InternalEventsService {

    static final String PATH = "/internal/events";
    static final String SECRET_HEADER = "x-ieum-cluster-secret";
    static final String ORIGIN_HEADER = "x-ieum-node-origin";
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InternalEventsService.class);

    @Nullable
    private final byte[] secret;
    private final String origin;
    private final Receiver receiver;
    private final HttpService service;
    private final java.util.Set<WebSocketWriter> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
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

    private final Links links;

    InternalEventsService(@Nullable String secret, String origin, ClusterWire wire, Receiver receiver, Links links) {
        this.links = requireNonNull(links, "links");
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.origin = requireNonNull(origin, "origin");
        this.receiver = requireNonNull(receiver, "receiver");
        requireNonNull(wire, "wire");
        HttpService ws = WebSocketService.builder((ctx, in) -> accept(ctx, in, wire))
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .aggregateContinuation(true)
                .build();
        this.service = ws.decorate((delegate, ctx, req) -> {
            if (!authorized(req.headers().get(SECRET_HEADER))) {
                return HttpResponse.of(HttpStatus.UNAUTHORIZED, MediaType.JSON_UTF_8,
                        "{\"error\":\"unauthorized\",\"message\":\"internal endpoint (expected: the cluster secret)\"}");
            }
            if (shuttingDown) {
                return HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE);
            }
            if (origin.equals(req.headers().get(ORIGIN_HEADER))) {
                return HttpResponse.of(HttpStatus.CONFLICT); // a node listed among its own peers
            }
            return delegate.serve(ctx, req);
        });
    }

    HttpService service() {
        return service;
    }

    /** Closes the connections of peers (1001), so that they mark this node down at once, and refuses new ones. */
    void shutdown() {
        shuttingDown = true;
        for (WebSocketWriter out : open) {
            out.close(com.linecorp.armeria.common.websocket.WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "node shutting down");
        }
    }

    private boolean authorized(@Nullable String presented) {
        return secret != null && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private WebSocket accept(ServiceRequestContext ctx, WebSocket in, ClusterWire wire) {
        WebSocketWriter out = WebSocket.streaming();
        if (shuttingDown) {
            out.close(com.linecorp.armeria.common.websocket.WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "node shutting down");
            in.abort();
            return out;
        }
        open.add(out);
        String peer = String.valueOf(ctx.request().headers().get(ORIGIN_HEADER));
        out.whenComplete().handle((ignored, cause) -> {
            open.remove(out);
            if (!shuttingDown) {
                links.closed(peer);
            }
            return null;
        });
        links.opened(peer);
        in.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(WebSocketFrame frame) {
                try {
                    switch (frame.type()) {
                        case TEXT -> handle(frame.text(), out, wire);
                        case PING -> out.tryWrite(WebSocketFrame.ofPong(frame.array()));
                        case CLOSE -> out.close();
                        default -> { }
                    }
                } catch (RuntimeException e) {
                    log.warn("Bad frame from peer {}", ctx.remoteAddress(), e);
                } finally {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable t) {
                out.close();
            }

            @Override
            public void onComplete() {
                out.close();
            }
        }, ctx.eventLoop());
        return out;
    }

    private void handle(String text, WebSocketWriter out, ClusterWire wire) {
        JsonNode frame = wire.parse(text);
        switch (frame.path("t").asText()) {
            case "hb" -> out.tryWrite(WebSocketFrame.ofText(ClusterWire.HEARTBEAT));
            case "ev" -> receiver.receive(frame);
            default -> log.warn("Unknown frame type from a peer: '{}'", frame.path("t").asText());
        }
    }
}
