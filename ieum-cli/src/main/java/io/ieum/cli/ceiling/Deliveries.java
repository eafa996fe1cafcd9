package io.ieum.cli.ceiling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

import io.netty.buffer.ByteBuf;

/**
 * What one generator process received: every frame counts against its send (so a send that reached
 * its group more or fewer times than the group's size shows), frames from another group count as
 * misrouted, and frames of sends due after the warm-up go into the latency histogram (one per
 * receiving thread, merged at the end when nothing arrives any more).
 */
final class Deliveries {

    static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Sends due from then on are timed; set before the first send. */
    private volatile long measureFromNanos = Long.MAX_VALUE;
    private final AtomicIntegerArray perSend;
    private final LongAdder received = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final List<Histogram> histograms = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Histogram> histogram = ThreadLocal.withInitial(this::newHistogram);
    private volatile long lastNanos;

    Deliveries(int sends) {
        this.perSend = new AtomicIntegerArray(sends);
    }

    void measureFrom(long nanos) {
        measureFromNanos = nanos;
    }

    /** A frame arrived at a connection of {@code group}. */
    void received(ByteBuf text, int group) {
        long now = System.nanoTime();
        Payload.Fields fields = Payload.read(text);
        if (fields.group() != group || fields.index() < 0 || fields.index() >= perSend.length()) {
            misrouted.increment();
        } else {
            perSend.incrementAndGet((int) fields.index());
            if (fields.dueNanos() >= measureFromNanos) {
                histogram.get().recordValue(Math.min(now - fields.dueNanos(), MAX_LATENCY_NANOS));
            }
        }
        received.increment();
        lastNanos = now; // last: whoever reads it sees this thread's histogram as of this frame
    }

    long received() {
        return received.sum();
    }

    long misrouted() {
        return misrouted.sum();
    }

    long lastNanos() {
        return lastNanos;
    }

    /** Sends of the first {@code sent} that reached exactly {@code groupSize} connections. */
    int exactlyDelivered(int sent, int groupSize) {
        int exact = 0;
        for (int i = 0; i < sent; i++) {
            if (perSend.get(i) == groupSize) {
                exact++;
            }
        }
        return exact;
    }

    /** All latencies after the warm-up; call once frames have stopped arriving. */
    Histogram latencies() {
        Histogram all = new Histogram(MAX_LATENCY_NANOS, 3);
        for (Histogram h : histograms) {
            all.add(h);
        }
        return all;
    }

    private Histogram newHistogram() {
        Histogram h = new Histogram(MAX_LATENCY_NANOS, 3);
        histograms.add(h);
        return h;
    }
}
