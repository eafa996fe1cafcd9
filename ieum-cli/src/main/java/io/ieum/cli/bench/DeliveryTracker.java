package io.ieum.cli.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Follows every message the bench sends: when it was sent, how many connections must receive it,
 * how many did, and how often a connection saw it twice (raw, before de-dup) or was handed it twice
 * (after de-dup, which must never happen).
 */
final class DeliveryTracker {

    private record Sent(long sentNanos, int expected, AtomicInteger received, Set<Integer> receivers) {}

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, Boolean> acked = new ConcurrentHashMap<>();
    private final Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Histogram ackLatency = new ConcurrentHistogram(3_600_000_000L, 3);
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder rawDuplicates = new LongAdder();
    private final LongAdder appDuplicates = new LongAdder();
    private final Map<Integer, Set<String>> rawSeen = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastEventNanos = new java.util.concurrent.atomic.AtomicLong();

    void sending(String id, int expectedReceivers) {
        sent.put(id, new Sent(System.nanoTime(), expectedReceivers, new AtomicInteger(), ConcurrentHashMap.newKeySet()));
    }

    void acked(String id) {
        Sent s = sent.get(id);
        if (s != null) {
            acked.put(id, Boolean.TRUE);
            lastEventNanos.accumulateAndGet(System.nanoTime(), Math::max);
            ackLatency.recordValue(Math.max(0, (System.nanoTime() - s.sentNanos()) / 1000));
        }
    }

    /** Every arrival on connection {@code connection}, duplicates included. */
    void raw(int connection, String id) {
        if (!sent.containsKey(id)) {
            return;
        }
        if (!rawSeen.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(id)) {
            rawDuplicates.increment();
        }
    }

    /** An arrival the client library handed to the application. */
    void delivered(int connection, String id) {
        Sent s = sent.get(id);
        if (s == null) {
            return;
        }
        if (!s.receivers().add(connection)) {
            appDuplicates.increment();
            return;
        }
        s.received().incrementAndGet();
        deliveries.increment();
        lastEventNanos.accumulateAndGet(System.nanoTime(), Math::max);
        latency.recordValue(Math.max(0, (System.nanoTime() - s.sentNanos()) / 1000));
    }

    /** When the last ack or delivery arrived: the end of the window rates are measured over. */
    long lastEventNanos() {
        return lastEventNanos.get();
    }

    long ackedCount() {
        return acked.size();
    }

    /** Acknowledged messages not yet received by every connection that must receive them. */
    long missing() {
        return acked.keySet().stream().filter(id -> {
            Sent s = sent.get(id);
            return s.received().get() < s.expected();
        }).count();
    }

    long deliveries() {
        return deliveries.sum();
    }

    long rawDuplicates() {
        return rawDuplicates.sum();
    }

    long appDuplicates() {
        return appDuplicates.sum();
    }

    Histogram latency() {
        return latency;
    }

    Histogram ackLatency() {
        return ackLatency;
    }
}
