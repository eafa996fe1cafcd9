package io.ieum.server.cluster;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.websocket.WebSocketService;

/**
 * A stand-in peer that answers heartbeats until frozen; frozen, it reads on but never answers, and a
 * new handshake never completes (like SIGSTOP of its JVM, minus the TCP stack).
 */
final class FrozenPeer implements AutoCloseable {

    private final Server server;
    private volatile boolean frozen;
    private volatile boolean stalled;

    private FrozenPeer() {
        WebSocketService ws = WebSocketService.builder((ctx, in) -> {
            WebSocketWriter out = WebSocket.streaming();
            in.subscribe(new Subscriber<>() {
                private Subscription s;

                @Override
                public void onSubscribe(Subscription s) {
                    this.s = s;
                    s.request(1);
                }

                @Override
                public void onNext(WebSocketFrame frame) {
                    if (frame.type() == WebSocketFrameType.TEXT && frame.text().contains("\"hb\"") && !frozen) {
                        out.tryWrite(WebSocketFrame.ofText(ClusterWire.HEARTBEAT));
                    }
                    if (!stalled) {
                        s.request(1); // stalled: stop reading, so the sender's socket buffers fill up
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
        }).allowedOrigins("*").build();
        // A frozen process accepts no new WebSocket either: without this the link would reconnect at
        // once after marking the peer down, and the peer would look up again a few milliseconds later.
        DecoratingHttpServiceFunction hangWhenFrozen =
                (delegate, ctx, req) -> frozen ? HttpResponse.streaming() : delegate.serve(ctx, req);
        server = Server.builder().http(new java.net.InetSocketAddress("127.0.0.1", 0))
                .service(InternalEventsService.PATH, ws.decorate(hangWhenFrozen)).build();
        server.start().join();
    }

    static FrozenPeer start() {
        return new FrozenPeer();
    }

    int port() {
        return server.activeLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    /** Stops reading altogether (a peer that cannot keep up). */
    void stall() {
        stalled = true;
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
