package io.ieum.cli.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.HdrHistogram.Histogram;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * A latency histogram recorded from several I/O threads without a shared atomic per value: each
 * thread records into its own {@link Histogram}, and a snapshot adds them up. A value recorded
 * while a snapshot is taken may be left out of it, as with a concurrent histogram read mid-run.
 * The recording threads are the client's Netty I/O threads, where a {@link FastThreadLocal} is an
 * array index (a JDK {@code ThreadLocal} lookup there was ~2 % of the generator's I/O thread).
 */
final class ThreadHistograms {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final List<Histogram> all = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<Histogram> mine = new FastThreadLocal<>() {
        @Override
        protected Histogram initialValue() {
            Histogram h = new Histogram(HIGHEST_MICROS, 3);
            all.add(h);
            return h;
        }
    };

    void record(long micros) {
        mine.get().recordValue(Math.min(HIGHEST_MICROS, Math.max(0, micros)));
    }

    Histogram snapshot() {
        Histogram sum = new Histogram(HIGHEST_MICROS, 3);
        all.forEach(sum::add);
        return sum;
    }
}
