package io.ieum.cli.drill;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ieum.client.realtime.RealtimeSocket;
import io.ieum.client.realtime.RealtimeSocketListener;
import io.ieum.client.realtime.RealtimeTransport;

/**
 * Sites in memory for the client library's real {@code Connection}: each answers auth with
 * {@code ready}, a send with its {@code ack} and a sync with one empty {@code synced} page, on one
 * event-loop thread as a socket would. A site can refuse connections, go silent, or drop its sockets.
 */
final class ScriptedSites implements RealtimeTransport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\",\"roomId\":\"([^\"]+)\"");

    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scripted-sites");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Map<Socket, String> open = new ConcurrentHashMap<>();

    /** New connections to {@code authority} are refused. */
    void refuse(String authority) {
        refusing.add(authority);
    }

    /** Open sockets of {@code authority} stop answering (a dead process whose reset has not arrived yet). */
    void silence(String authority) {
        silent.add(authority);
    }

    /** Every socket of {@code authority} is reset. */
    void reset(String authority) {
        open.forEach((socket, site) -> {
            if (site.equals(authority)) {
                socket.abort();
            }
        });
    }

    @Override
    public RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout, RealtimeSocketListener listener) {
        String site = uri.getRawAuthority();
        Socket socket = new Socket(site, listener);
        loop.execute(() -> {
            if (refusing.contains(site)) {
                listener.onClosed(1006, "connect failed: refused");
            } else {
                open.put(socket, site);
                listener.onOpen(socket);
            }
        });
        return socket;
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }

    private final class Socket implements RealtimeSocket {
        private final String site;
        private final RealtimeSocketListener listener;
        private boolean closed;

        Socket(String site, RealtimeSocketListener listener) {
            this.site = site;
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            loop.execute(() -> {
                if (closed || silent.contains(site)) {
                    return;
                }
                if (text.contains("\"type\":\"auth\"")) {
                    deliver("{\"type\":\"ready\",\"user\":{\"id\":\"u1\"},\"serverTime\":\"" + Instant.now()
                            + "\",\"node\":\"" + site + "\"}");
                } else if (text.startsWith("{\"type\":\"send\"")) {
                    Matcher m = ID.matcher(text);
                    if (m.find()) {
                        deliver("{\"type\":\"ack\",\"id\":\"" + m.group(1) + "\",\"roomId\":\"" + m.group(2)
                                + "\",\"status\":\"stored\"}");
                    }
                } else if (text.contains("\"type\":\"sync\"")) {
                    deliver("{\"type\":\"synced\",\"entries\":[],\"cursor\":null,\"hasMore\":false}");
                }
            });
        }

        private void deliver(String frame) {
            byte[] bytes = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            listener.onText(bytes, 0, bytes.length);
        }

        @Override
        public void close(int code, String reason) {
            abort();
        }

        @Override
        public void abort() {
            loop.execute(() -> {
                if (!closed) {
                    closed = true;
                    open.remove(this);
                    listener.onClosed(1006, "connection reset");
                }
            });
        }
    }
}
