package io.ieum.cli.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Follows every message one generator process sends: when it was due, which of its room's
 * connections received it (a bit each), whether it was acked. Latencies are taken from the time a
 * send was <em>due</em> by the schedule, not when the sender got round to it, so a generator or
 * server that falls behind shows in the figures instead of hiding (no coordinated omission).
 */
final class DeliveryTracker {

    private static final class Sent {
        final long dueNanos;
        final int expected;
        final long[] receivedBits;
        int received;
        boolean acked;

        Sent(long dueNanos, int expected) {
            this.dueNanos = dueNanos;
            this.expected = expected;
            this.receivedBits = new long[(expected + 63) / 64];
        }
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>(1 << 16);
    private final Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Histogram ackLatency = new ConcurrentHistogram(3_600_000_000L, 3);
    private final LongAdder acked = new LongAdder();
    private final LongAdder complete = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder appDuplicates = new LongAdder();
    private final AtomicLong lastEventNanos = new AtomicLong();

    /** Called before the send is written, so an ack or a delivery can never find it missing. */
    void sending(String id, int expectedReceivers, long dueNanos) {
        sent.put(id, new Sent(dueNanos, expectedReceivers));
    }

    void acked(String id) {
        Sent s = sent.get(id);
        if (s == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (s) {
            if (s.acked) {
                return;
            }
            s.acked = true;
            acked.increment();
            if (s.received == s.expected) {
                complete.increment();
            }
        }
        lastEventNanos.accumulateAndGet(now, Math::max);
        ackLatency.recordValue(Math.max(0, (now - s.dueNanos) / 1000));
    }

    /**
     * The client library handed entry {@code id} to the application on the connection that is
     * member number {@code receiver} of the message's room.
     */
    void delivered(int receiver, String id) {
        Sent s = sent.get(id);
        if (s == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (s) {
            long bit = 1L << (receiver & 63);
            if ((s.receivedBits[receiver >>> 6] & bit) != 0) {
                appDuplicates.increment();
                return;
            }
            s.receivedBits[receiver >>> 6] |= bit;
            s.received++;
            if (s.received == s.expected && s.acked) {
                complete.increment();
            }
        }
        deliveries.increment();
        lastEventNanos.accumulateAndGet(now, Math::max);
        latency.recordValue(Math.max(0, (now - s.dueNanos) / 1000));
    }

    /** When the last ack or delivery arrived: the end of the window rates are measured over. */
    long lastEventNanos() {
        return lastEventNanos.get();
    }

    long ackedCount() {
        return acked.sum();
    }

    /** Acknowledged messages not yet received by every connection that must receive them. */
    long missing() {
        return acked.sum() - complete.sum();
    }

    long deliveries() {
        return deliveries.sum();
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
