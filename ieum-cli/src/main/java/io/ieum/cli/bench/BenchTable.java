package io.ieum.cli.bench;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.ieum.cli.Messages;

/** Prints a {@link BenchReport} as an aligned two-column table. */
final class BenchTable {

    private BenchTable() {}

    static void print(BenchReport r, PrintWriter out) {
        row(out, "bench.row.acked", r.acked() + " / " + r.attempted() + String.format(" (%.1f/s)", r.ackedPerSecond()));
        row(out, "bench.row.failed", r.failed());
        row(out, "bench.row.deliveries", r.deliveries() + String.format(" (%.1f/s)", r.deliveriesPerSecond()));
        row(out, "bench.row.latency", millis(r.latencyP50Micros()) + " / " + millis(r.latencyP99Micros()) + " / "
                + millis(r.latencyP999Micros()) + " / " + millis(r.latencyMaxMicros()));
        row(out, "bench.row.ackP99", millis(r.ackP99Micros()));
        row(out, "bench.row.undelivered", r.undelivered());
        row(out, "bench.row.lost", r.lost() < 0 ? "n/a" : r.lost());
        row(out, "bench.row.duplicates", r.rawDuplicates() + " / " + r.appDuplicates());
        row(out, "bench.row.reconnects", r.reconnects());
        row(out, "bench.row.processes", r.processes() + " / " + r.connections());
        row(out, "bench.row.sendLag", millis(r.maxSendLagMicros()));
        row(out, "bench.row.generatorCpu", r.generatorCpuMillis() < 0 ? "n/a"
                : String.format("%,d ms / %.2f µs", r.generatorCpuMillis(), r.generatorCpuMicrosPerDelivery()));
        row(out, "bench.row.generatorMeasuredCpu", r.generatorMeasuredCpuMicrosPerDelivery() < 0 ? "n/a"
                : String.format("%.2f µs", r.generatorMeasuredCpuMicrosPerDelivery()));
        row(out, "bench.row.jvmFlags", r.generatorJvmFlags().isEmpty() ? Messages.get("bench.jvmDefaults")
                : r.generatorJvmFlags());
        row(out, "bench.row.latencyFrom", r.latencyFrom());
        row(out, "bench.row.warmup", Messages.get(r.rampUp() ? "bench.warmupRamp" : "bench.warmup", r.warmupSeconds()));
        row(out, "bench.row.sendTick", Messages.get("bench.sendTick", r.sendTickMicros()));
        row(out, "bench.row.slowSeconds", slowSeconds(r.timeline().stream()
                .filter(s -> s.second() >= r.warmupSeconds()).toList()));
        row(out, "bench.row.heap", r.heapPerConnectionBytes() < 0 ? "n/a"
                : String.format("%.1f KiB", r.heapPerConnectionBytes() / 1024.0));
        out.flush();
    }

    /** Whether the tail is a few bad seconds or the whole run: seconds with over 1 % slow, and the worst three. */
    static String slowSeconds(List<TimelineSecond> timeline) {
        List<TimelineSecond> slow = timeline.stream().filter(s -> s.slowShare() > 0.01).toList();
        String worst = slow.stream()
                .sorted(Comparator.comparingDouble(TimelineSecond::slowShare).reversed()
                        .thenComparing(Comparator.comparingLong(TimelineSecond::slowestMicros).reversed()))
                .limit(3)
                .map(s -> Messages.get("bench.slowSecond", s.second(), String.format("%.1f", 100 * s.slowShare()),
                        millis(s.slowestMicros())))
                .collect(Collectors.joining(", "));
        return Messages.get("bench.slowSeconds", slow.size(), timeline.size(), LatencyTimeline.SLOW_MICROS / 1000)
                + (worst.isEmpty() ? "" : "; " + worst);
    }

    private static void row(PrintWriter out, String key, Object value) {
        out.printf("%-40s %s%n", Messages.get(key), value);
    }

    private static String millis(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
