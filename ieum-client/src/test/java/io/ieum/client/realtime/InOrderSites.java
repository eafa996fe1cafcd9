package io.ieum.client.realtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sites in memory for the real {@link Connection} (shared with ieum-cli's tests through this module's
 * test-jar). Each socket's frames are handled strictly in order on a thread of its own, as the server
 * does (io.ieum.server.realtime.Connection): auth → {@code ready}, send → {@code ack}, and a
 * {@code sync} answered with one empty {@code synced} page once {@link #syncGate} is complete — every
 * frame behind it waits, as sends behind a slow catch-up wait on the server. A site (named by its
 * host:port) can refuse connections, go silent, or reset its sockets.
 */
public final class InOrderSites implements RealtimeTransport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\",\"roomId\":\"([^\"]+)\"");

    /** Completed: syncs are answered at once. */
    public final CompletableFuture<Void> syncGate = new CompletableFuture<>();
    /** Every frame a socket handled, in order per socket. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Where resets reach the client: not on a socket's thread, which may be stuck in a sync. */
    private final ExecutorService network = Executors.newSingleThreadExecutor(InOrderSites::daemon);

    private InOrderSites() {}

    /** Sites that answer every sync at once. */
    public static InOrderSites answeringSyncs() {
        InOrderSites sites = new InOrderSites();
        sites.syncGate.complete(null);
        return sites;
    }

    /** Sites that hold every sync (and the frames behind it) until {@link #syncGate} is completed. */
    public static InOrderSites holdingSyncs() {
        return new InOrderSites();
    }

    /** New connections to {@code authority} (host:port) are refused. */
    public void refuse(String authority) {
        refusing.add(authority);
    }

    /** Open sockets of {@code authority} stop answering (a dead process whose reset has not arrived yet). */
    public void silence(String authority) {
        silent.add(authority);
    }

    /** Every socket of {@code authority} is reset. */
    public void reset(String authority) {
        sockets.stream().filter(s -> s.site.equals(authority)).forEach(Socket::abort);
    }

    /** Every socket is reset, as a killed site does. */
    public void resetAll() {
        sockets.forEach(Socket::abort);
    }

    @Override
    public RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout, RealtimeSocketListener listener) {
        Socket socket = new Socket(uri.getRawAuthority(), listener);
        socket.loop.execute(() -> {
            if (refusing.contains(socket.site)) {
                socket.closed = true;
                socket.loop.shutdown();
                listener.onClosed(1006, "connect failed: refused");
            } else {
                sockets.add(socket);
                listener.onOpen(socket);
            }
        });
        return socket;
    }

    @Override
    public void close() {
        syncGate.complete(null);
        sockets.forEach(s -> s.loop.shutdownNow());
        network.shutdownNow();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "in-order-sites");
        t.setDaemon(true);
        return t;
    }

    private final class Socket implements RealtimeSocket {
        final ExecutorService loop = Executors.newSingleThreadExecutor(InOrderSites::daemon);
        final String site;
        private final RealtimeSocketListener listener;
        private volatile boolean closed;

        Socket(String site, RealtimeSocketListener listener) {
            this.site = site;
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            if (closed) {
                return; // as a real socket drops a write after its close
            }
            try {
                loop.execute(() -> handle(text));
            } catch (RejectedExecutionException closedMeanwhile) {
                // reset between the check and the write: dropped the same way
            }
        }

        private void handle(String text) {
            if (closed || silent.contains(site)) {
                return;
            }
            received.add(text);
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
                syncGate.join(); // the in-order server is busy with this sync until the gate opens
                deliver("{\"type\":\"synced\",\"entries\":[],\"cursor\":null,\"hasMore\":false}");
            }
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
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            sockets.remove(this);
            loop.shutdown(); // a sync it is stuck in ends when the gate opens; nothing after it runs
            network.execute(() -> listener.onClosed(1006, "connection reset"));
        }
    }
}
