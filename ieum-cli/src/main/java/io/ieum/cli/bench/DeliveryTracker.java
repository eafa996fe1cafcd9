package io.ieum.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 *
 * <p>A send is a number ({@link SentIds}) and its facts are columns of primitive arrays sized for the
 * whole run: no object per send for the garbage collector to copy (see {@link SentIds}).
 */
final class DeliveryTracker {

    /** Received-bits and ack updates of sends take one of these locks, by send number. */
    private static final int LOCK_STRIPES = 64;
    /** Where a latency goes: see {@link #latency}. */
    private static final int MEASURED = 0;
    private static final int WARMUP = 1;

    private final SentIds sent;
    private final long[] dueNanos;
    private final int[] expected;
    private final int[] received;
    private final boolean[] acked;
    private final int[] roomOf;
    /** {@code words} longs per send: bit r of a send's run is set once connection r received it. */
    private final long[] receivedBits;
    private final int words;
    private final int maxReceivers;
    private final Object[] locks = new Object[LOCK_STRIPES];
    /** The sending thread's rooms, numbered in order of first use; the numbers are what {@link #roomOf} holds. */
    private final Map<String, Integer> roomNumbers = new HashMap<>();
    private final List<String> rooms = new ArrayList<>();
    /**
     * Latencies of sends due after the warm-up at {@link #MEASURED}, of the warm-up's at {@link #WARMUP}
     * (recorded the same way and never reported). Picking the histogram by index, not recording behind an
     * {@code if}, keeps the code the same on both sides of the warm-up's end: an {@code if} never taken
     * during the warm-up may be compiled as such and deoptimise the receive path when the measurement
     * starts (it did not explain the late first measured seconds, though: docs/benchmarks.md, "One event
     * loop, the generator's own pauses").
     */
    private final ThreadHistograms[] latency = {new ThreadHistograms(), new ThreadHistograms()};
    private final ThreadHistograms[] ackLatency = {new ThreadHistograms(), new ThreadHistograms()};
    private final LongAdder ackedCount = new LongAdder();
    private final LongAdder complete = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder appDuplicates = new LongAdder();
    private final AtomicLong lastEventNanos = new AtomicLong();
    private volatile LatencyTimeline timeline;
    /**
     * Sends due before this are not timed (warm-up); set once before sending starts. Until then far
     * enough back that every send is timed, and near enough that subtracting it from a due time
     * cannot overflow.
     */
    private volatile long timedFromNanos = System.nanoTime() - (1L << 62);

    /**
     * @param capacity     how many sends this process will make, at most
     * @param maxReceivers the most connections any one send must reach
     */
    DeliveryTracker(int capacity, int maxReceivers) {
        if (maxReceivers < 1) {
            throw new IllegalArgumentException("maxReceivers: " + maxReceivers + " (expected: >= 1)");
        }
        this.sent = new SentIds(capacity);
        this.dueNanos = new long[capacity];
        this.expected = new int[capacity];
        this.received = new int[capacity];
        this.acked = new boolean[capacity];
        this.roomOf = new int[capacity];
        this.maxReceivers = maxReceivers;
        this.words = (maxReceivers + 63) / 64;
        this.receivedBits = new long[Math.multiplyExact(capacity, words)];
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
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
     * @return the send's number, for {@link #acked}
     */
    int sending(String id, String roomId, int expectedReceivers, long due) {
        if (expectedReceivers < 1 || expectedReceivers > maxReceivers) {
            throw new IllegalArgumentException("expectedReceivers: " + expectedReceivers + " (expected: 1.."
                    + maxReceivers + ")");
        }
        UUID uuid = UUID.fromString(id);
        int number = sent.size();
        if (number < dueNanos.length) {
            dueNanos[number] = due;
            expected[number] = expectedReceivers;
            roomOf[number] = roomNumber(roomId);
        }
        // Publishes the columns above with the ID (or refuses a send beyond the capacity).
        return sent.add(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    private int roomNumber(String roomId) {
        Integer known = roomNumbers.get(roomId);
        if (known != null) {
            return known;
        }
        rooms.add(roomId);
        roomNumbers.put(roomId, rooms.size() - 1);
        return rooms.size() - 1;
    }

    /** {@link #MEASURED} or {@link #WARMUP}, without a branch: the sign bit of the difference. */
    private int histogram(long due) {
        return (int) ((due - timedFromNanos) >>> 63);
    }

    /** @param number what {@link #sending} returned */
    void acked(int number) {
        long now = System.nanoTime();
        synchronized (locks[number & (LOCK_STRIPES - 1)]) {
            if (acked[number]) {
                return;
            }
            acked[number] = true;
            ackedCount.increment();
            if (received[number] == expected[number]) {
                complete.increment();
            }
        }
        lastEventNanos.accumulateAndGet(now, Math::max);
        long due = dueNanos[number];
        ackLatency[histogram(due)].record((now - due) / 1000);
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
        int number = sent.find(msb, lsb);
        if (number < 0 || receiver < 0 || receiver >= expected[number]) {
            return;
        }
        long now = System.nanoTime();
        int word = number * words + (receiver >>> 6);
        long bit = 1L << (receiver & 63);
        synchronized (locks[number & (LOCK_STRIPES - 1)]) {
            if ((receivedBits[word] & bit) != 0) {
                appDuplicates.increment();
                return;
            }
            receivedBits[word] |= bit;
            received[number]++;
            if (received[number] == expected[number] && acked[number]) {
                complete.increment();
            }
        }
        deliveries.increment();
        lastEventNanos.accumulateAndGet(now, Math::max);
        long due = dueNanos[number];
        long micros = (now - due) / 1000;
        latency[histogram(due)].record(micros);
        LatencyTimeline perSecond = timeline;
        if (perSecond != null) {
            perSecond.record(due, micros);
        }
    }

    /** When the last ack or delivery arrived: the end of the window rates are measured over. */
    long lastEventNanos() {
        return lastEventNanos.get();
    }

    long ackedCount() {
        return ackedCount.sum();
    }

    /** Acknowledged messages not yet received by every connection that must receive them. */
    long missing() {
        return ackedCount.sum() - complete.sum();
    }

    /**
     * The acknowledged messages not received by every connection that must receive them, by room;
     * asked by the sending thread once it has sent everything.
     */
    Map<String, Set<String>> undelivered() {
        Map<String, Set<String>> byRoom = new HashMap<>();
        for (int number = 0; number < sent.size(); number++) {
            synchronized (locks[number & (LOCK_STRIPES - 1)]) {
                if (acked[number] && received[number] < expected[number]) {
                    byRoom.computeIfAbsent(rooms.get(roomOf[number]), room -> new HashSet<>())
                            .add(new UUID(sent.msb(number), sent.lsb(number)).toString());
                }
            }
        }
        return byRoom;
    }

    long deliveries() {
        return deliveries.sum();
    }

    long appDuplicates() {
        return appDuplicates.sum();
    }

    Histogram latency() {
        return latency[MEASURED].snapshot();
    }

    /** The per-second counters ({@link LatencyTimeline#counts()}), empty before {@link #startTimeline}. */
    long[] timeline() {
        LatencyTimeline perSecond = timeline;
        return perSecond == null ? new long[0] : perSecond.counts();
    }

    Histogram ackLatency() {
        return ackLatency[MEASURED].snapshot();
    }
}
