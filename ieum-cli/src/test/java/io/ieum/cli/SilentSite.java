package io.ieum.cli;

import java.net.URI;
import java.time.Instant;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.websocket.WebSocketService;

/**
 * A site that accepts any token with {@code ready} and then goes quiet: it never answers a ping,
 * like a frozen process or a network that drops packets without closing the connection.
 */
final class SilentSite implements AutoCloseable {

    private final Server server;

    SilentSite() {
        server = Server.builder()
                .http(0)
                .service("/ws", WebSocketService.builder((ctx, in) -> {
                    WebSocketWriter out = WebSocket.streaming();
                    in.subscribe(new Subscriber<>() {
                        @Override
                        public void onSubscribe(Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(WebSocketFrame frame) {
                            if (frame.type() == WebSocketFrameType.TEXT && frame.text().contains("\"auth\"")) {
                                out.tryWrite(WebSocketFrame.ofText("{\"type\":\"ready\",\"user\":null,\"serverTime\":\""
                                        + Instant.now() + "\",\"node\":\"silent\"}"));
                            }
                            frame.close();
                        }

                        @Override
                        public void onError(Throwable t) {}

                        @Override
                        public void onComplete() {}
                    });
                    return out;
                }).allowedOrigins("*").build())
                .build();
        server.start().join();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.activeLocalPort());
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
