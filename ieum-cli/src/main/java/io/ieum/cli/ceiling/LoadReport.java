package io.ieum.cli.ceiling;

import java.io.PrintWriter;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import io.ieum.cli.Messages;

/** The table {@code ieum ceiling load} prints. Rates are over the measured part (after the warm-up). */
final class LoadReport {

    private LoadReport() {}

    /** {@code serverCpuNanos} is -1 when no server pid was given. */
    static void print(PrintWriter out, LoadResult r, double targetRate, int durationSeconds, long serverPid,
                      long serverCpuNanos) {
        Histogram h = r.latencies();
        long timed = h.getTotalCount();
        double sendSeconds = Math.max(durationSeconds, r.sendSpanNanos() / 1e9);
        double deliverySeconds = Math.max(durationSeconds, r.deliverySpanNanos() / 1e9);
        out.println(Messages.get("ceiling.row.sends", Long.toString(r.measuredSends()),
                fixed(r.measuredSends() / sendSeconds, 0), fixed(targetRate, 0)));
        out.println(Messages.get("ceiling.row.deliveries", Long.toString(timed), fixed(timed / deliverySeconds, 0)));
        out.println(Messages.get("ceiling.row.received", Long.toString(r.received()), Long.toString(r.expected())));
        out.println(Messages.get("ceiling.row.exact", Long.toString(r.exact()), Long.toString(r.sends()),
                Long.toString(r.misrouted())));
        out.println(Messages.get("ceiling.row.latency", ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue())));
        out.println(Messages.get("ceiling.row.lag", ms(r.maxLagNanos())));
        out.println(Messages.get("ceiling.row.generatorCpu", fixed(r.cpuNanos() / 1e9, 2), perDelivery(r.cpuNanos(), timed)));
        if (serverCpuNanos >= 0) {
            out.println(Messages.get("ceiling.row.serverCpu", Long.toString(serverPid), fixed(serverCpuNanos / 1e9, 2),
                    perDelivery(serverCpuNanos, timed)));
        }
        out.flush();
    }

    private static String perDelivery(long cpuNanos, long deliveries) {
        return deliveries == 0 ? "-" : fixed(cpuNanos / 1e3 / deliveries, 2);
    }

    private static String ms(double nanos) {
        return fixed(nanos / 1e6, 2);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
