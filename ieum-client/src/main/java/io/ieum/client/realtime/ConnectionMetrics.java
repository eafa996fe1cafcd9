package io.ieum.client.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The numbers a load test or a status screen wants from one connection. */
public final class ConnectionMetrics {

    private final LongAdder acks = new LongAdder();
    private final LongAdder ackNanos = new LongAdder();
    private final AtomicLong maxAckNanos = new AtomicLong();
    private final LongAdder rawEntries = new LongAdder();
    private final LongAdder duplicateEntries = new LongAdder();
    private final LongAdder resends = new LongAdder();
    private final AtomicLong reconnects = new AtomicLong();
    private final LongAdder nudges = new LongAdder();
    private final LongAdder nudgeSyncs = new LongAdder();
    private final List<Duration> resumeTimes = new ArrayList<>();

    void ack(long nanos) {
        acks.increment();
        ackNanos.add(nanos);
        maxAckNanos.accumulateAndGet(nanos, Math::max);
    }

    void rawEntry(boolean duplicate) {
        rawEntries.increment();
        if (duplicate) {
            duplicateEntries.increment();
        }
    }

    void resent(int count) {
        resends.add(count);
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    void nudged() {
        nudges.increment();
    }

    void nudgeSync() {
        nudgeSyncs.increment();
    }

    synchronized void resumed(Duration took) {
        resumeTimes.add(took);
    }

    public long acks() {
        return acks.sum();
    }

    /** Mean time from send to ack. */
    public Duration meanAckTime() {
        long n = acks.sum();
        return n == 0 ? Duration.ZERO : Duration.ofNanos(ackNanos.sum() / n);
    }

    public Duration maxAckTime() {
        return Duration.ofNanos(maxAckNanos.get());
    }

    /** Entries received, duplicates included. */
    public long rawEntries() {
        return rawEntries.sum();
    }

    /** Entries received again and dropped by the de-duplicator. */
    public long duplicateEntries() {
        return duplicateEntries.sum();
    }

    /** Sends written again after a reconnect or a {@code busy}. */
    public long resends() {
        return resends.sum();
    }

    public long reconnects() {
        return reconnects.get();
    }

    /** {@code sync} frames received: the server may have missed events for this device. */
    public long syncNudges() {
        return nudges.sum();
    }

    /**
     * Syncs run besides the one after each (re)connect: for those frames (several during one sync
     * make one more sync), or to retry a sync the server refused.
     */
    public long nudgedSyncs() {
        return nudgeSyncs.sum();
    }

    /** For each failure: from losing the socket until caught up again (ready and sync done). */
    public synchronized List<Duration> resumeTimes() {
        return List.copyOf(resumeTimes);
    }
}
