package io.ieum.cli.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * Follows every message one generator process sends: when it was due, which of its room's
 * connections received it (a bit each), whether it was acked. Latencies are taken from the time a
 * send was <em>due</em> by the schedule, not when the sender got round to it, so a generator or
 * server that falls behind shows in the figures instead of hiding (no coordinated omission).
 */
final class DeliveryTracker {

    /** One send: handed back to the sender so its ack needs no look-up. */
    static final class Sent implements SentTable.Keyed {
        private final long msb;
        private final long lsb;
        final String roomId;
        final long dueNanos;
        final int expected;
        final long[] receivedBits;
        int received;
        boolean acked;

        Sent(UUID id, String roomId, long dueNanos, int expected) {
            this.msb = id.getMostSignificantBits();
            this.lsb = id.getLeastSignificantBits();
            this.roomId = roomId;
            this.dueNanos = dueNanos;
            this.expected = expected;
            this.receivedBits = new long[(expected + 63) / 64];
        }

        @Override
        public long msb() {
            return msb;
        }

        @Override
        public long lsb() {
            return lsb;
        }
    }

    private final SentTable<Sent> sent;
    private final ThreadHistograms latency = new ThreadHistograms();
    private final ThreadHistograms ackLatency = new ThreadHistograms();
    private final LongAdder acked = new LongAdder();
    private final LongAdder complete = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder appDuplicates = new LongAdder();
    private final AtomicLong lastEventNanos = new AtomicLong();
    private volatile LatencyTimeline timeline;
    /** Sends due before this are not timed (warm-up); set once before sending starts. */
    private volatile long timedFromNanos = Long.MIN_VALUE;

    /** @param capacity how many sends this process will make, at most */
    DeliveryTracker(int capacity) {
        this.sent = new SentTable<>(capacity);
    }

    /**
     * Starts counting deliveries per second of the schedule, which starts at {@code startNanos}, and
     * leaves the latencies of sends due in the first {@code warmupNanos} out of the histograms.
     */
    void startTimeline(long startNanos, int seconds, long warmupNanos) {
        timeline = new LatencyTimeline(startNanos, seconds);
        timedFromNanos = startNanos + warmupNanos;
    }

    /**
     * Called by the one sending thread before the send is written, so an ack or a delivery can
     * never find it missing.
     *
     * @param id the message's ID, a UUID
     */
    Sent sending(String id, String roomId, int expectedReceivers, long dueNanos) {
        Sent s = new Sent(UUID.fromString(id), roomId, dueNanos, expectedReceivers);
        sent.add(s);
        return s;
    }

    /** Whether a send due then is in the measured part (after the warm-up), so its latencies are recorded. */
    boolean timed(long dueNanos) {
        return dueNanos >= timedFromNanos;
    }

    void acked(Sent s) {
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
        if (timed(s.dueNanos)) {
            ackLatency.record((now - s.dueNanos) / 1000);
        }
    }

    /**
     * The client library handed entry {@code id} to the application on the connection that is
     * member number {@code receiver} of the message's room. IDs this process did not send (or
     * that are not UUIDs) are not counted.
     */
    void delivered(int receiver, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return;
        }
        delivered(receiver, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    /** The same for an ID given as its UUID's halves. */
    void delivered(int receiver, long msb, long lsb) {
        Sent s = sent.get(msb, lsb);
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
        long micros = (now - s.dueNanos) / 1000;
        if (timed(s.dueNanos)) {
            latency.record(micros);
        }
        LatencyTimeline perSecond = timeline;
        if (perSecond != null) {
            perSecond.record(s.dueNanos, micros);
        }
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

    /** The acknowledged messages not received by every connection that must receive them, by room. */
    Map<String, Set<String>> undelivered() {
        Map<String, Set<String>> byRoom = new HashMap<>();
        sent.forEach(s -> {
            synchronized (s) {
                if (s.acked && s.received < s.expected) {
                    byRoom.computeIfAbsent(s.roomId, room -> new HashSet<>())
                            .add(new UUID(s.msb(), s.lsb()).toString());
                }
            }
        });
        return byRoom;
    }

    long deliveries() {
        return deliveries.sum();
    }

    long appDuplicates() {
        return appDuplicates.sum();
    }

    Histogram latency() {
        return latency.snapshot();
    }

    /** The per-second counters ({@link LatencyTimeline#counts()}), empty before {@link #startTimeline}. */
    long[] timeline() {
        LatencyTimeline perSecond = timeline;
        return perSecond == null ? new long[0] : perSecond.counts();
    }

    Histogram ackLatency() {
        return ackLatency.snapshot();
    }
}
