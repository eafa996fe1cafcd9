package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ieum.client.RetryPolicy;
import io.ieum.client.model.SyncPage;

/**
 * The catch-up of one socket: after {@code ready} it syncs from the connection's cursor, page by
 * page, off the socket through a {@link CatchUp} when it has one (ADR 0014), else with {@code sync}
 * frames on the socket. A nudge ({@code {"type":"sync"}}, ADR 0006) during a sync queues exactly one
 * more — it must start after the nudge — and further nudges add nothing; a sync the server refuses is
 * tried again after a back-off. It knows the connection only through its {@link Link}.
 */
final class CatchUpRunner {

    private static final Logger log = LoggerFactory.getLogger(CatchUpRunner.class);

    /** What the runner needs of its connection and socket. */
    interface Link {

        /** Whether the socket is still the connection's: news for a replaced one is dropped. */
        boolean isCurrent();

        /** Where a sync starts now: the highest entry seen, or the resume cursor. Null: nowhere yet. */
        String cursor();

        /** Writes a frame on the socket. */
        void write(String frame);

        /** Hands a page read off the socket to the listener (de-duplicated, one call at a time). */
        void deliver(SyncPage page);

        /** A sync ended with nothing queued behind it. */
        void caughtUp();

        /** The socket's site, for the log. */
        URI site();
    }

    private final Link link;
    private final CatchUp catchUp;
    private final Executor catchUpExecutor;
    private final ScheduledExecutorService scheduler;
    private final RetryPolicy retryPolicy;
    private final ConnectionMetrics metrics;

    // Guarded by this.
    private boolean ready;
    /** A sync (of one or more pages) is running. */
    private boolean syncing;
    /** A nudge came during that sync: sync once more when it ends. */
    private boolean syncAgain;
    /** Syncs refused in a row, for the back-off. */
    private int refusals;

    /**
     * @param catchUp         reads pages off the socket, or null to sync on the socket
     * @param catchUpExecutor where {@code catchUp} runs (it blocks); null exactly when {@code catchUp} is
     */
    CatchUpRunner(Link link, CatchUp catchUp, Executor catchUpExecutor, ScheduledExecutorService scheduler,
                  RetryPolicy retryPolicy, ConnectionMetrics metrics) {
        if ((catchUp == null) != (catchUpExecutor == null)) {
            throw new IllegalArgumentException("catchUp and catchUpExecutor: one is null (expected: both or neither)");
        }
        this.link = requireNonNull(link, "link");
        this.catchUp = catchUp;
        this.catchUpExecutor = catchUpExecutor;
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** The socket is ready: catch up from {@code syncFrom}, or nothing to catch up when it is null. */
    void ready(String syncFrom) {
        synchronized (this) {
            ready = true;
            syncing = syncFrom != null;
        }
        if (syncFrom == null) {
            link.caughtUp();
        } else {
            run(syncFrom);
        }
    }

    /**
     * The server may have missed events for us: sync from the cursor as after a reconnect, or once
     * more after the sync that runs. A socket not ready yet syncs anyway once it is.
     */
    void nudged() {
        metrics.nudged();
        if (!link.isCurrent()) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                return;
            }
            if (syncing) {
                syncAgain = true;
                return;
            }
        }
        start();
    }

    /** A {@code synced} page came on the socket (its entries already delivered): ask for the next, or end. */
    void page(String cursor, boolean hasMore) {
        if (hasMore && cursor != null) {
            link.write(Frames.syncAfter(cursor));
        } else {
            ended();
        }
    }

    /** The server could not answer a sync (e.g. storage busy): try again later, backing off. */
    void refused(String code) {
        if (!link.isCurrent()) {
            return;
        }
        Duration delay;
        synchronized (this) {
            syncing = false;
            syncAgain = false;
            refusals++;
            delay = retryPolicy.delayBefore(refusals, ThreadLocalRandom.current()::nextDouble);
        }
        log.debug("Sync failed on {} ({}); again in {}", link.site(), code, delay);
        scheduler.schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a sync from the cursor unless one is running or the socket was replaced. */
    private void start() {
        if (!link.isCurrent()) {
            return;
        }
        String from = link.cursor();
        synchronized (this) {
            if (syncing) {
                return;
            }
            syncing = from != null;
        }
        if (from != null) {
            metrics.nudgeSync();
            run(from);
        }
    }

    /** A sync's last page is in: start the one a nudge queued meanwhile, if any. */
    private void ended() {
        boolean again;
        synchronized (this) {
            again = syncAgain;
            syncAgain = false;
            syncing = false;
            refusals = 0;
        }
        if (again) {
            start();
        } else {
            link.caughtUp();
        }
    }

    /** One sync from {@code from}: off the socket when there is a {@link CatchUp} (ADR 0014), else on it. */
    private void run(String from) {
        if (catchUp == null) {
            link.write(Frames.syncSince(from));
        } else {
            catchUpExecutor.execute(() -> offSocket(from));
        }
    }

    /** Reads the missed pages through {@link #catchUp}; on failure asks the socket for the rest. */
    private void offSocket(String since) {
        String cursor = since;
        boolean continuation = false;
        try {
            while (true) {
                if (!link.isCurrent()) {
                    return; // lost meanwhile: the next socket catches up from its own cursor
                }
                SyncPage page = catchUp.page(cursor, continuation);
                link.deliver(page);
                if (!page.hasMore() || page.cursor() == null) {
                    ended();
                    return;
                }
                cursor = page.cursor();
                continuation = true;
            }
        } catch (RuntimeException e) {
            log.debug("Catch-up from {} failed ({}); syncing on the socket instead", link.site(), e.toString());
            link.write(continuation ? Frames.syncAfter(cursor) : Frames.syncSince(cursor));
        }
    }
}
