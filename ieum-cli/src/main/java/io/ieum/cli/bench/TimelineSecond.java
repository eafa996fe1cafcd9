package io.ieum.cli.bench;

/**
 * One second of a run's schedule: the deliveries of the sends due in it, how many of those took
 * longer than {@link LatencyTimeline#SLOW_MICROS}, and the slowest.
 */
public record TimelineSecond(int second, long deliveries, long slowDeliveries, long slowestMicros) {

    double slowShare() {
        return deliveries == 0 ? 0 : (double) slowDeliveries / deliveries;
    }
}
