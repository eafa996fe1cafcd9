package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection from this node to one peer: a bounded queue of encoded events and one daemon
 * thread that dials the peer, sends the queue in order, sends a heartbeat every interval and marks
 * the peer down when the socket closes or the peer stays silent longer than the timeout. The
 * publisher never waits: when the queue is full, the event is dropped and counted.
 */
final class PeerLink {

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    private final String peer;
    private final URI uri;
    private final String secret;
    private final String origin;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final HttpClient http;
    private final ClusterMembership membership;
    private final ClusterMetrics metrics;
    private final BlockingQueue<String> queue;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    PeerLink(String peer, String secret, String origin, Duration interval, Duration timeout, int queueCapacity,
             HttpClient http, ClusterMembership membership, ClusterMetrics metrics) {
        this.peer = requireNonNull(peer, "peer");
        this.uri = URI.create(peer.replaceFirst("^http", "ws") + InternalEventsService.PATH);
        this.secret = requireNonNull(secret, "secret");
        this.origin = requireNonNull(origin, "origin");
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.http = requireNonNull(http, "http");
        this.membership = requireNonNull(membership, "membership");
        this.metrics = requireNonNull(metrics, "metrics");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "ieum-peer-" + uri.getHost() + ":" + uri.getPort());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String peer() {
        return peer;
    }

    /** Queues an encoded event for the peer, never waiting; a peer that is down or behind loses it (it syncs). */
    void offer(String frame) {
        Connection c = current;
        if (c == null || !c.open) {
            metrics.droppedPeerDown.increment();
            return;
        }
        if (!queue.offer(frame)) {
            metrics.droppedQueueFull.increment();
        }
    }

    void close() {
        running = false;
        thread.interrupt();
        Connection c = current;
        if (c != null) {
            c.socket.abort();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                Connection c = connect();
                if (c == null) {
                    sleep(intervalNanos);
                    continue;
                }
                serve(c);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                log.warn("Link to {} failed", peer, e);
                sleep(intervalNanos);
            }
        }
    }

    /** Dials the peer; null if it does not answer (it stays down). */
    private Connection connect() throws InterruptedException {
        Connection c = new Connection();
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .header(InternalEventsService.SECRET_HEADER, secret)
                    .header(InternalEventsService.ORIGIN_HEADER, origin)
                    .header("Origin", peer) // same-origin for Armeria's WebSocket origin check
                    .connectTimeout(Duration.ofNanos(timeoutNanos))
                    .buildAsync(uri, c)
                    .get(timeoutNanos, TimeUnit.NANOSECONDS);
            c.socket = socket;
            c.lastHeard = System.nanoTime();
            queue.clear(); // events queued while down are not sent late: the peer's clients sync
            current = c;
            membership.markUp(peer);
            return c;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake && handshake.getResponse().statusCode() == 409) {
                log.info("Peer {} is this node itself; not forwarding to it", peer);
                membership.forget(peer);
                running = false;
                return null;
            }
            membership.markDown(peer, describe(cause));
        } catch (TimeoutException e) {
            membership.markDown(peer, "no answer within " + Duration.ofNanos(timeoutNanos).toMillis() + "ms");
        }
        return null;
    }

    /** Sends queued events and heartbeats over {@code c} until it breaks or the peer falls silent. */
    private void serve(Connection c) throws InterruptedException {
        long nextHeartbeat = System.nanoTime();
        try {
            while (running && c.open) {
                long now = System.nanoTime();
                if (now - c.lastHeard > timeoutNanos) {
                    down(c, "silent for " + Duration.ofNanos(now - c.lastHeard).toMillis() + "ms");
                    return;
                }
                if (now >= nextHeartbeat) {
                    send(c, ClusterWire.HEARTBEAT);
                    nextHeartbeat = now + intervalNanos;
                    continue;
                }
                // Wake for the next heartbeat or the moment the peer would have been silent too long.
                long wait = Math.min(nextHeartbeat, c.lastHeard + timeoutNanos + 1) - now;
                String frame = queue.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
                if (frame != null) {
                    send(c, frame);
                    metrics.forwarded.increment();
                }
            }
            if (!c.open) {
                down(c, c.why);
            }
        } catch (ExecutionException | TimeoutException e) {
            metrics.forwardFailures.increment();
            down(c, "send failed: " + describe(e instanceof ExecutionException ? e.getCause() : e));
        }
    }

    private void send(Connection c, String text) throws InterruptedException, ExecutionException, TimeoutException {
        c.socket.sendText(text, true).get(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void down(Connection c, String why) {
        c.open = false;
        if (current == c) {
            current = null;
        }
        c.socket.abort();
        queue.clear();
        if (running) {
            membership.markDown(peer, why);
        }
    }

    private void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            return "refused with HTTP " + handshake.getResponse().statusCode();
        }
        String message = cause == null ? null : cause.getMessage();
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** One WebSocket to the peer; a new one per reconnection, so callbacks of an old socket change nothing. */
    private final class Connection implements WebSocket.Listener {
        volatile WebSocket socket;
        volatile boolean open = true;
        volatile long lastHeard;
        volatile String why = "closed";

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeard = System.nanoTime(); // the peer only ever answers heartbeats
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastHeard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastHeard = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            broken("closed by peer (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            broken("connection lost: " + describe(error));
        }

        /** Marks the peer down at once rather than at the next heartbeat, and wakes the sender. */
        private void broken(String reason) {
            why = reason;
            if (open && current == this) {
                open = false;
                current = null;
                membership.markDown(peer, reason);
                queue.offer(ClusterWire.HEARTBEAT); // wake the sender, which will reconnect
            }
            open = false;
        }
    }
}
