package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClientException;
import io.ieum.client.SiteList;
import io.ieum.client.model.Ack;
import io.ieum.client.model.AttachmentView;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.ReadEvent;
import io.ieum.client.model.SyncPage;

/**
 * A realtime connection that heals itself. It authenticates, corrects its clock, and when the
 * socket is lost (refused, closed 1001/1006, two pings unanswered) it reconnects with backoff and
 * jitter, moving round the site list; then it re-sends every unacknowledged message with its
 * original ID, and each socket's {@link CatchUpRunner} syncs from the highest entry it has seen —
 * through a {@link CatchUp} when it has one, so that its sends are not queued behind the catch-up on
 * the server. Entries reach the listener once each, one call at a time.
 */
public final class Connection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final int CLOSE_AUTH_FAILED = 4401;

    private final RealtimeTransport transport;
    private final SiteList sites;
    private final ClientOptions options;
    private final String token;
    private final ScheduledExecutorService scheduler;
    private final ConnectionListener listener;
    private final MessageIdClock clock;
    private final Outbox outbox = new Outbox();
    private final Deduplicator dedup;
    private final ConnectionMetrics metrics = new ConnectionMetrics();
    private final CompletableFuture<Connection> firstReady = new CompletableFuture<>();
    private final boolean bindEntries;
    private final CatchUp catchUp;
    private final Executor catchUpExecutor;
    /** Pushes (I/O thread) and catch-up pages (catch-up thread) reach the listener one at a time. */
    private final Object deliveries = new Object();

    // Guarded by this.
    private Socket socket;
    private ConnectionState state = ConnectionState.CONNECTING;
    private int failuresInARow;
    private final HighestEntryId highestSeen = new HighestEntryId();
    private String resumeCursor;
    private long lostAtNanos;
    private boolean everReady;
    private ScheduledFuture<?> pingTask;

    /** A connection that catches up with {@code sync} frames on its own socket. */
    public Connection(RealtimeTransport transport, SiteList sites, ClientOptions options, String token,
                      ScheduledExecutorService scheduler, ConnectionListener listener, MessageIdClock clock) {
        this(transport, sites, options, token, scheduler, listener, clock, null, null);
    }

    /**
     * A connection that catches up through {@code catchUp} on {@code catchUpExecutor} (both null: with
     * {@code sync} frames on its socket); if a catch-up fails, it falls back to the socket.
     */
    public Connection(RealtimeTransport transport, SiteList sites, ClientOptions options, String token,
                      ScheduledExecutorService scheduler, ConnectionListener listener, MessageIdClock clock,
                      CatchUp catchUp, Executor catchUpExecutor) {
        if ((catchUp == null) != (catchUpExecutor == null)) {
            throw new IllegalArgumentException("catchUp and catchUpExecutor: one is null (expected: both or neither)");
        }
        this.catchUp = catchUp;
        this.catchUpExecutor = catchUpExecutor;
        this.transport = requireNonNull(transport, "transport");
        this.sites = requireNonNull(sites, "sites");
        this.options = requireNonNull(options, "options");
        this.token = requireNonNull(token, "token");
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.listener = requireNonNull(listener, "listener");
        this.clock = requireNonNull(clock, "clock");
        this.dedup = new Deduplicator(options.dedupWindow(), options.dedupPresized());
        this.bindEntries = listener.wantsEntryViews();
    }

    /**
     * Opens the first socket. The future completes at the first {@code ready}, or fails if the
     * token is refused; while sites are unreachable it keeps trying.
     *
     * @param sinceCursor an entry ID to sync from once connected, or null to start from now
     */
    public CompletableFuture<Connection> start(String sinceCursor) {
        synchronized (this) {
            resumeCursor = sinceCursor;
        }
        openSocket();
        return firstReady;
    }

    /** Completes at the first {@code ready}; fails if the token is refused or the connection closed first. */
    public CompletableFuture<Connection> ready() {
        return firstReady;
    }

    /** A fresh message ID stamped with the server-corrected clock. */
    public String newMessageId() {
        return clock.nextId().toString();
    }

    public CompletableFuture<Ack> send(String roomId, String text) {
        return send(newMessageId(), roomId, text, null, List.of());
    }

    /**
     * Sends a message with a caller-made ID (see {@link #newMessageId()}). The future completes
     * with the server's {@code ack} however many reconnects it takes, or fails with the server's
     * {@code error} for this ID (anything but {@code busy}, which is retried).
     */
    public CompletableFuture<Ack> send(String id, String roomId, String text, String replyTo,
                                       List<AttachmentView> attachments) {
        requireNonNull(id, "id");
        requireNonNull(roomId, "roomId");
        PendingSend pending = new PendingSend(id, roomId, Frames.send(id, roomId, text, replyTo, attachments),
                new CompletableFuture<>(), System.nanoTime());
        Socket target;
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return CompletableFuture.failedFuture(closedError());
            }
            outbox.add(pending);
            target = state == ConnectionState.READY ? socket : null;
        }
        if (target != null) {
            target.write(pending.frame());
        }
        return pending.ack();
    }

    /** Moves my read position; best effort (a lost one is repeated by the next read). */
    public void markRead(String roomId, String upTo) {
        writeIfReady(Frames.read(roomId, upTo));
    }

    /** Deletes a message for everyone; best effort, confirmed by the DELETION entry. */
    public void delete(String roomId, String entryId) {
        writeIfReady(Frames.delete(roomId, entryId));
    }

    public synchronized ConnectionState state() {
        return state;
    }

    /** The highest entry ID delivered so far: the cursor to sync from. Null before the first entry. */
    public synchronized String highestSeen() {
        return highestSeen.text();
    }

    public ConnectionMetrics metrics() {
        return metrics;
    }

    public MessageIdClock clock() {
        return clock;
    }

    public int pendingSends() {
        return outbox.size();
    }

    /** The site the connection uses (or is trying) now. */
    public URI site() {
        return sites.current();
    }

    /** Drops the socket as if the network failed, to exercise recovery. */
    public void simulateFailure() {
        Socket s;
        synchronized (this) {
            s = socket;
        }
        if (s != null) {
            s.abort();
            lost(s, "simulated failure", 1006);
        }
    }

    @Override
    public void close() {
        Socket s;
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            s = socket;
            socket = null;
            cancelPing();
        }
        setState(ConnectionState.CLOSED);
        if (s != null) {
            s.close(1000, "bye");
        }
        failEverything(closedError());
    }

    // ---- socket life cycle -------------------------------------------------------------

    private void openSocket() {
        URI site = sites.current();
        Socket s = new Socket(site);
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            socket = s;
        }
        s.handle = transport.open(webSocketUri(site), Map.of("Accept-Language", options.locale().toLanguageTag()),
                options.connectTimeout(), s);
        scheduler.schedule(() -> authTimeout(s), options.connectTimeout().plus(options.requestTimeout()).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static URI webSocketUri(URI site) {
        String scheme = "https".equalsIgnoreCase(site.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + site.getRawAuthority() + "/ws");
    }

    private void authTimeout(Socket s) {
        synchronized (this) {
            if (socket != s || state == ConnectionState.READY) {
                return;
            }
        }
        s.abort();
        lost(s, "no ready within timeout", 1006);
    }

    private void opened(Socket s) {
        s.authSentAt = clock.localNow();
        s.write(Frames.auth(token));
    }

    /** The socket is gone: plan the next attempt on the next site. Ignores news of sockets already replaced. */
    private void lost(Socket s, String why, int closeCode) {
        Duration delay;
        synchronized (this) {
            if (socket != s || state == ConnectionState.CLOSED) {
                return;
            }
            socket = null;
            cancelPing();
            if (closeCode == CLOSE_AUTH_FAILED) {
                delay = null;
            } else {
                if (lostAtNanos == 0) {
                    lostAtNanos = System.nanoTime();
                }
                String highest = highestSeen.text();
                if (highest != null) {
                    resumeCursor = highest;
                }
                failuresInARow++;
                delay = options.reconnectPolicy().delayBefore(failuresInARow, ThreadLocalRandom.current()::nextDouble);
                sites.failedOver(s.site());
            }
        }
        if (delay == null) {
            log.warn("Realtime connection refused by {}: {}", s.site(), why);
            setState(ConnectionState.CLOSED);
            IeumClientException error = new IeumClientException(401, "unauthenticated", "the server refused the token");
            firstReady.completeExceptionally(error);
            failEverything(error);
            return;
        }
        log.debug("Realtime socket to {} lost ({}); reconnecting in {}", s.site(), why, delay);
        setState(everReady ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING);
        scheduler.schedule(this::openSocket, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ready(Socket s, ServerFrame frame) {
        Instant receivedAt = clock.localNow();
        Instant serverTime = Instant.parse(frame.serverTime());
        clock.correct(serverTime, s.authSentAt == null ? receivedAt : s.authSentAt, receivedAt);
        String syncFrom;
        boolean reconnect;
        synchronized (this) {
            if (socket != s) {
                return;
            }
            state = ConnectionState.READY;
            failuresInARow = 0;
            reconnect = everReady;
            everReady = true;
            syncFrom = resumeCursor;
            if (syncFrom == null) {
                // Nothing seen yet: a later resume must still catch what arrives from now on.
                resumeCursor = EntryIds.lowestAt(serverTime.minusSeconds(1));
            }
            s.missedPongs = 0;
            long every = options.pingInterval().toMillis();
            pingTask = scheduler.scheduleAtFixedRate(() -> ping(s),
                    firstPingDelayMillis(every, ThreadLocalRandom.current()), every, TimeUnit.MILLISECONDS);
        }
        if (reconnect) {
            metrics.reconnected();
        }
        listener.onStateChange(ConnectionState.READY);
        List<PendingSend> resend = outbox.snapshot();
        if (!resend.isEmpty()) {
            metrics.resent(resend.size());
            resend.forEach(p -> s.write(p.frame()));
        }
        s.catchUp.ready(syncFrom);
        firstReady.complete(this);
    }

    /**
     * The first ping goes at a uniformly random point of the first interval, the later ones an
     * interval apart: clients that connect together (after a server restart or a failover) would
     * otherwise ping together for as long as they stay connected.
     */
    static long firstPingDelayMillis(long everyMillis, RandomGenerator random) {
        return 1 + random.nextLong(everyMillis);
    }

    private void ping(Socket s) {
        synchronized (this) {
            if (socket != s) {
                return;
            }
            if (s.missedPongs >= options.missedPongsAllowed()) {
                s.abort();
            } else {
                s.missedPongs++;
                s.write(Frames.ping());
                return;
            }
        }
        lost(s, "ping timeout", 1006);
    }

    private void caughtUp() {
        long since;
        synchronized (this) {
            since = lostAtNanos;
            lostAtNanos = 0;
        }
        if (since != 0) {
            metrics.resumed(Duration.ofNanos(System.nanoTime() - since));
        }
    }

    // ---- frames from the server --------------------------------------------------------

    private void onFrame(Socket s, byte[] utf8, int offset, int length) {
        if (!bindEntries && leanFrame(s.scanner, s.entryId, utf8, offset, length)) {
            return;
        }
        ServerFrame frame;
        try {
            frame = ServerFrameReader.read(utf8, offset, length, bindEntries);
        } catch (IOException e) {
            log.warn("Ignoring an unreadable frame from {}: {}", s.site(), e.getMessage());
            return;
        }
        String type = frame.type() == null ? "" : frame.type();
        switch (type) {
            case "ready" -> ready(s, frame);
            case "ack" -> acked(new Ack(frame.id(), frame.roomId(), frame.status()));
            case "error" -> failed(s, frame);
            case "entry" -> frame.entries().forEach(e -> deliver(e.id(), e.view()));
            case "synced" -> synced(s, frame);
            case "sync" -> s.catchUp.nudged();
            case "read" -> listener.onRead(new ReadEvent(frame.roomId(), frame.userId(), frame.upTo()));
            case "pong" -> s.missedPongs = 0;
            default -> log.debug("Ignoring frame type {}", type);
        }
    }

    /**
     * A listener that wants no entry views gets pushed entries and acks — nearly all of a busy
     * socket's frames — from a scan of the bytes, with no parser and no frame object; false if the
     * frame is anything else, which then goes through {@link ServerFrameReader}.
     */
    private boolean leanFrame(FrameScanner scanner, CanonicalUuid entryId, byte[] utf8, int offset, int length) {
        switch (scanner.scan(utf8, offset, length)) {
            case FrameScanner.ENTRY -> {
                int start = scanner.entryIdStart();
                if (start >= 0 && entryId.read(utf8, start, scanner.entryIdEnd())) {
                    deliver(entryId.msb(), entryId.lsb());
                } else {
                    deliver(text(utf8, start, scanner.entryIdEnd()), null);
                }
                return true;
            }
            case FrameScanner.ACK -> {
                acked(new Ack(text(utf8, scanner.idStart(), scanner.idEnd()),
                        text(utf8, scanner.roomIdStart(), scanner.roomIdEnd()),
                        text(utf8, scanner.statusStart(), scanner.statusEnd())));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The content of a string without escapes, or null if the scanner did not find it. */
    private static String text(byte[] utf8, int start, int end) {
        return start < 0 ? null : new String(utf8, start, end - start, StandardCharsets.UTF_8);
    }

    private void acked(Ack ack) {
        outbox.remove(ack.id()).ifPresent(p -> {
            metrics.ack(System.nanoTime() - p.createdNanos());
            p.ack().complete(ack);
        });
    }

    private void failed(Socket s, ServerFrame frame) {
        String ref = frame.ref();
        String code = frame.error() == null ? "error" : frame.error();
        String message = frame.message() == null ? code : frame.message();
        if (Frames.SYNC_REF.equals(ref)) {
            s.catchUp.refused(code);
            return;
        }
        if (ref == null || outbox.get(ref).isEmpty()) {
            log.debug("Server error frame: {} {}", code, message);
            return;
        }
        if ("busy".equals(code)) {
            // Same ID later: the server has not stored it, or will say duplicate.
            PendingSend p = outbox.get(ref).orElseThrow();
            Duration delay = options.retryPolicy().delayBefore(1, ThreadLocalRandom.current()::nextDouble);
            scheduler.schedule(() -> {
                if (outbox.get(ref).isPresent()) {
                    metrics.resent(1);
                    writeIfReady(p.frame());
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        outbox.remove(ref).ifPresent(p -> p.ack().completeExceptionally(
                new IeumClientException(0, code, message)));
    }

    private void synced(Socket s, ServerFrame frame) {
        frame.entries().forEach(e -> deliver(e.id(), e.view()));
        s.catchUp.page(frame.cursor(), frame.hasMore());
    }

    /** @param view the bound entry, or null for a listener that wants none */
    private void deliver(String id, EntryView view) {
        synchronized (deliveries) {
            boolean first = dedup.firstSeen(id);
            metrics.rawEntry(!first);
            listener.onEntryId(id, !first);
            if (view != null) {
                listener.onRawEntry(view);
            }
            if (!first) {
                return;
            }
            synchronized (this) {
                highestSeen.offer(id);
            }
            if (view != null) {
                listener.onEntry(view);
            }
        }
    }

    /** The same for a canonical ID read from a frame's bytes, which never becomes text here. */
    private void deliver(long msb, long lsb) {
        synchronized (deliveries) {
            boolean first = dedup.firstSeen(msb, lsb);
            metrics.rawEntry(!first);
            listener.onEntryUuid(msb, lsb, !first);
            if (first) {
                synchronized (this) {
                    highestSeen.offer(msb, lsb);
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void writeIfReady(String frame) {
        Socket s;
        synchronized (this) {
            s = state == ConnectionState.READY ? socket : null;
        }
        if (s != null) {
            s.write(frame);
        }
    }

    private void setState(ConnectionState next) {
        boolean changed;
        synchronized (this) {
            changed = state != next && state != ConnectionState.CLOSED;
            if (changed) {
                state = next;
            }
        }
        if (changed) {
            listener.onStateChange(next);
        }
    }

    private void cancelPing() {
        if (pingTask != null) {
            pingTask.cancel(false);
            pingTask = null;
        }
    }

    private void failEverything(IeumClientException error) {
        firstReady.completeExceptionally(error);
        outbox.drain().forEach(p -> p.ack().completeExceptionally(error));
    }

    private static IeumClientException closedError() {
        return new IeumClientException(0, "closed", "the connection is closed");
    }

    /** One WebSocket; a reconnect makes a new one, and news from old ones is ignored. */
    private final class Socket implements RealtimeSocketListener, CatchUpRunner.Link {
        private final URI site;
        volatile RealtimeSocket handle;
        volatile Instant authSentAt;
        volatile int missedPongs;
        /** Used on the socket's event loop only (every onText call). */
        final FrameScanner scanner = new FrameScanner();
        /** Reads pushed entries' IDs; on the socket's event loop only, like the scanner. */
        final CanonicalUuid entryId = new CanonicalUuid();
        final CatchUpRunner catchUp;

        Socket(URI site) {
            this.site = site;
            this.catchUp = new CatchUpRunner(this, Connection.this.catchUp, catchUpExecutor, scheduler,
                    options.retryPolicy(), metrics);
        }

        @Override
        public URI site() {
            return site;
        }

        @Override
        public boolean isCurrent() {
            synchronized (Connection.this) {
                return socket == this;
            }
        }

        @Override
        public String cursor() {
            synchronized (Connection.this) {
                String highest = highestSeen.text();
                return highest != null ? highest : resumeCursor;
            }
        }

        @Override
        public void deliver(SyncPage page) {
            page.entries().forEach(e -> Connection.this.deliver(e.id(), bindEntries ? e : null));
        }

        @Override
        public void caughtUp() {
            Connection.this.caughtUp();
        }

        @Override
        public void write(String frame) {
            RealtimeSocket h = handle;
            if (h != null) {
                h.send(frame);
            }
        }

        void abort() {
            RealtimeSocket h = handle;
            if (h != null) {
                h.abort();
            }
        }

        void close(int code, String reason) {
            RealtimeSocket h = handle;
            if (h != null) {
                h.close(code, reason);
            }
        }

        @Override
        public void onOpen(RealtimeSocket socket) {
            handle = socket;
            opened(this);
        }

        @Override
        public void onText(byte[] utf8, int offset, int length) {
            try {
                onFrame(this, utf8, offset, length);
            } catch (RuntimeException e) {
                log.warn("Failed to handle a frame from {}", site, e);
            }
        }

        @Override
        public void onClosed(int code, String reason) {
            lost(this, "closed " + code + " " + reason, code);
        }
    }
}
