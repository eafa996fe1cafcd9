package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * Makes a fixed number of sends, each at its due time or as soon after as it can, as a task that
 * schedules itself again on one thread: each turn makes every send that has fallen due, then sleeps
 * until the next is due, but at least one tick. Sends due within a tick go out together, late by up
 * to the tick; run on the sockets' I/O thread, the turn's writes go out with no hand-off at all.
 */
final class SendLoop implements Runnable {

    /** Sends made in one turn at most: a sender far behind still lets its thread read the sockets between turns. */
    static final int MAX_PER_TURN = 256;

    /** Makes send number {@code index}, due at {@code dueNanos}, at {@code nowNanos} ({@link System#nanoTime}). */
    interface Send {
        void send(long index, long dueNanos, long nowNanos);
    }

    private final ScheduledExecutorService thread;
    private final long sends;
    private final LongUnaryOperator dueNanos;
    private final long tickNanos;
    private final Send send;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    /** The next send to make, and the most any send was late; used on {@link #thread} only. */
    private long next;
    private long maxLagNanos;

    /**
     * @param dueNanos  the due time of each send number, in {@link System#nanoTime} terms, never
     *                  earlier than the one before
     * @param tickNanos the least sleep between turns (0: wake for each send's own due time)
     */
    SendLoop(ScheduledExecutorService thread, long sends, LongUnaryOperator dueNanos, long tickNanos, Send send) {
        if (sends < 0) {
            throw new IllegalArgumentException("sends: " + sends + " (expected: >= 0)");
        }
        if (tickNanos < 0) {
            throw new IllegalArgumentException("tickNanos: " + tickNanos + " (expected: >= 0)");
        }
        this.thread = requireNonNull(thread, "thread");
        this.sends = sends;
        this.dueNanos = requireNonNull(dueNanos, "dueNanos");
        this.tickNanos = tickNanos;
        this.send = requireNonNull(send, "send");
    }

    /**
     * Makes every send and returns once the last is made, with the most any send was late
     * (nanoseconds). A send that throws ends the run, and the throw is rethrown here.
     */
    long sendAll() throws InterruptedException {
        thread.execute(this);
        try {
            return done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("send loop failed: " + cause, cause);
        }
    }

    @Override
    public void run() {
        try {
            long now = System.nanoTime();
            for (int made = 0; next < sends; made++) {
                if (made == MAX_PER_TURN) {
                    thread.schedule(this, 0, TimeUnit.NANOSECONDS); // after the thread's other work
                    return;
                }
                long due = dueNanos.applyAsLong(next);
                if (due > now) {
                    thread.schedule(this, Math.max(due - now, tickNanos), TimeUnit.NANOSECONDS);
                    return;
                }
                maxLagNanos = Math.max(maxLagNanos, now - due);
                send.send(next, due, now);
                next++;
                now = System.nanoTime();
            }
            done.complete(maxLagNanos);
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }
}
