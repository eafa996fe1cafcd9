package io.ieum.client.realtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site in memory that handles each socket's frames strictly in order on one thread, as the server
 * does (io.ieum.server.realtime.Connection): auth → {@code ready}, send → {@code ack}, and a
 * {@code sync} that is answered only once {@link #syncGate} completes — every frame behind it waits,
 * as sends behind a slow catch-up wait on the server.
 */
final class InOrderSite implements RealtimeTransport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\",\"roomId\":\"([^\"]+)\"");

    final CompletableFuture<Void> syncGate = new CompletableFuture<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @Override
    public RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout, RealtimeSocketListener listener) {
        Socket socket = new Socket(listener);
        sockets.add(socket);
        socket.loop.execute(() -> listener.onOpen(socket));
        return socket;
    }

    /** Resets every open socket, as a killed site does. */
    void resetAll() {
        sockets.forEach(Socket::abort);
    }

    @Override
    public void close() {
        syncGate.complete(null);
        sockets.forEach(s -> s.loop.shutdownNow());
    }

    private final class Socket implements RealtimeSocket {
        final ExecutorService loop = Executors.newSingleThreadExecutor();
        private final RealtimeSocketListener listener;
        private volatile boolean closed;

        Socket(RealtimeSocketListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            loop.execute(() -> {
                if (closed) {
                    return;
                }
                received.add(text);
                if (text.contains("\"type\":\"auth\"")) {
                    deliver("{\"type\":\"ready\",\"user\":{\"id\":\"u1\"},\"serverTime\":\"" + Instant.now() + "\",\"node\":\"n\"}");
                } else if (text.startsWith("{\"type\":\"send\"")) {
                    Matcher m = ID.matcher(text);
                    if (m.find()) {
                        deliver("{\"type\":\"ack\",\"id\":\"" + m.group(1) + "\",\"roomId\":\"" + m.group(2)
                                + "\",\"status\":\"stored\"}");
                    }
                } else if (text.contains("\"type\":\"sync\"")) {
                    syncGate.join(); // the in-order server is busy with this sync until the gate opens
                    deliver("{\"type\":\"synced\",\"entries\":[],\"cursor\":null,\"hasMore\":false}");
                }
            });
        }

        private void deliver(String frame) {
            if (!closed) {
                byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
                listener.onText(bytes, 0, bytes.length);
            }
        }

        @Override
        public void close(int code, String reason) {
            abort();
        }

        @Override
        public void abort() {
            if (!closed) {
                closed = true;
                // Not on the loop: it may be stuck in a sync, and a reset reaches the client at once.
                listener.onClosed(1006, "connection reset");
            }
        }
    }
}
