package io.ieum.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * Deliveries per second of the schedule, to tell a tail made of a few stalls (a GC pause, a disk
 * flush: a handful of bad seconds) from one spread over the whole run (a saturated machine). Each
 * delivery counts in the second its send was <em>due</em>: how many, how many took longer than
 * {@link #SLOW_MICROS}, and the slowest. Like {@link ThreadHistograms}, each recording thread has
 * its own counters, added up at the end; a value recorded during {@link #counts()} may be left out.
 * Per thread through a {@link FastThreadLocal}, an array index on the client's Netty I/O threads
 * (a JDK {@code ThreadLocal} lookup there was ~7 % of the generator's I/O thread).
 */
final class LatencyTimeline {

    /** The latency the target allows at p99. */
    static final long SLOW_MICROS = 25_000;
    /** Counters per second: deliveries, slow deliveries, slowest latency. */
    static final int FIELDS = 3;

    private final long startNanos;
    private final int seconds;
    private final List<long[]> all = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<long[]> mine;

    /** @param seconds how many seconds of schedule to keep; later sends count in the last one */
    LatencyTimeline(long startNanos, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds: " + seconds + " (expected: >= 1)");
        }
        this.startNanos = startNanos;
        this.seconds = seconds;
        this.mine = new FastThreadLocal<>() {
            @Override
            protected long[] initialValue() {
                long[] counts = new long[seconds * FIELDS];
                all.add(counts);
                return counts;
            }
        };
    }

    void record(long dueNanos, long latencyMicros) {
        int second = (int) Math.max(0, Math.min(seconds - 1, (dueNanos - startNanos) / 1_000_000_000L));
        long[] counts = mine.get();
        int at = second * FIELDS;
        counts[at]++;
        if (latencyMicros > SLOW_MICROS) {
            counts[at + 1]++;
        }
        counts[at + 2] = Math.max(counts[at + 2], latencyMicros);
    }

    /** Every thread's counters added up (slowest: the maximum), {@link #FIELDS} per second. */
    long[] counts() {
        return merge(new ArrayList<>(all), seconds);
    }

    /** Adds up counter arrays of this layout, from threads or from processes; shorter ones count as zeros. */
    static long[] merge(List<long[]> parts, int seconds) {
        long[] sum = new long[seconds * FIELDS];
        for (long[] part : parts) {
            for (int i = 0; i + FIELDS - 1 < Math.min(part.length, sum.length); i += FIELDS) {
                sum[i] += part[i];
                sum[i + 1] += part[i + 1];
                sum[i + 2] = Math.max(sum[i + 2], part[i + 2]);
            }
        }
        return sum;
    }

    static List<TimelineSecond> seconds(long[] merged) {
        List<TimelineSecond> list = new ArrayList<>();
        for (int s = 0; s * FIELDS < merged.length; s++) {
            int at = s * FIELDS;
            if (merged[at] > 0) {
                list.add(new TimelineSecond(s, merged[at], merged[at + 1], merged[at + 2]));
            }
        }
        return list;
    }
}
