package io.ieum.cli.bench;

/**
 * When each send of one generator process falls due, as an offset from the common start: evenly at
 * the rate, or, with a ramp-up, at a rate that rises in a straight line from a tenth of the full rate
 * to the full rate over the warm-up and stays there. A ramp lets a generator (and server) whose JIT
 * still compiles in the first seconds do so while the load is light, instead of building a queue at
 * the full rate that the measured part never works off.
 *
 * @param ratePerSecond the full rate
 * @param warmupNanos   how long the warm-up lasts (the ramp's length)
 * @param rampUp        whether the warm-up ramps the rate up (otherwise it runs at the full rate)
 */
record SendSchedule(double ratePerSecond, long warmupNanos, boolean rampUp) {

    /** The ramp's first rate, as a share of the full rate. */
    static final double RAMP_START = 0.1;

    SendSchedule {
        if (!(ratePerSecond > 0) || warmupNanos < 0) {
            throw new IllegalArgumentException("schedule: rate " + ratePerSecond + "/s, warm-up " + warmupNanos
                    + " ns (expected: a positive rate, a warm-up of zero or more)");
        }
    }

    /**
     * How many full-rate seconds the warm-up is worth: all of it without a ramp, the mean of the
     * ramp's share (0.55) of it with one.
     */
    static double warmupWeight(boolean rampUp) {
        return rampUp ? (1 + RAMP_START) / 2 : 1;
    }

    /** Nanoseconds from the start until send number {@code i} (from 0) is due. */
    long dueOffsetNanos(long i) {
        if (!rampUp || warmupNanos == 0) {
            return (long) (i * (1e9 / ratePerSecond));
        }
        double warmupSeconds = warmupNanos / 1e9;
        double sendsInWarmup = ratePerSecond * warmupSeconds * warmupWeight(true);
        if (i >= sendsInWarmup) {
            return warmupNanos + (long) ((i - sendsInWarmup) * (1e9 / ratePerSecond));
        }
        // Sends due by time t on the ramp: R (a t + (1 - a) t² / 2W); solved for t at i sends.
        double a = RAMP_START;
        double quadratic = (1 - a) * ratePerSecond / (2 * warmupSeconds);
        double linear = a * ratePerSecond;
        double t = (-linear + Math.sqrt(linear * linear + 4 * quadratic * i)) / (2 * quadratic);
        return (long) (t * 1e9);
    }
}
