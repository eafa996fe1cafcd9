package io.ieum.cli.ceiling;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * What a generator process (or, merged, a whole run) measured. Spans run from the end of the
 * warm-up; CPU is the generator's over the same stretch (till the last delivery arrived).
 *
 * @param sends             sends made, warm-up included
 * @param measuredSends     sends due after the warm-up
 * @param expected          deliveries due: every send times its group's size
 * @param received          deliveries received, warm-up included
 * @param misrouted         frames that reached a connection of another group
 * @param exact             sends received by exactly their group's size of connections
 * @param cpuNanos          generator CPU after the warm-up
 * @param maxLagNanos       how far the sender fell behind its schedule, at most
 * @param sendSpanNanos     from the end of the warm-up to the last send actually written
 * @param deliverySpanNanos from the end of the warm-up to the last delivery
 * @param latencies         send (due time) to receive, for sends due after the warm-up, in ns
 */
record LoadResult(long sends, long measuredSends, long expected, long received, long misrouted, long exact,
                  long cpuNanos, long maxLagNanos, long sendSpanNanos, long deliverySpanNanos, Histogram latencies) {

    LoadResult merge(LoadResult other) {
        Histogram all = latencies.copy();
        all.add(other.latencies);
        return new LoadResult(sends + other.sends, measuredSends + other.measuredSends, expected + other.expected,
                received + other.received, misrouted + other.misrouted, exact + other.exact,
                cpuNanos + other.cpuNanos, Math.max(maxLagNanos, other.maxLagNanos),
                Math.max(sendSpanNanos, other.sendSpanNanos), Math.max(deliverySpanNanos, other.deliverySpanNanos),
                all);
    }

    /** One line for a parent process to read from a child's standard output. */
    String toLine() {
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        String histogram = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        return String.join(" ", Long.toString(sends), Long.toString(measuredSends), Long.toString(expected),
                Long.toString(received), Long.toString(misrouted), Long.toString(exact), Long.toString(cpuNanos),
                Long.toString(maxLagNanos), Long.toString(sendSpanNanos), Long.toString(deliverySpanNanos), histogram);
    }

    static LoadResult fromLine(String line) {
        String[] f = line.trim().split(" ");
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(f[10])), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("unreadable histogram from a load process", e);
        }
        return new LoadResult(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                Long.parseLong(f[8]), Long.parseLong(f[9]), histogram);
    }
}
