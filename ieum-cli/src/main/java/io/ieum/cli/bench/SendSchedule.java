package io.ieum.cli.bench;

/**
 * When each send of one generator process falls due, as an offset from the common start: evenly at
 * the rate, or, with a ramp-up, at a rate that rises in a straight line from a tenth of the full rate
 * to the full rate over the first half of the warm-up and stays there. A ramp lets a generator (and
 * server) whose JIT still compiles in the first seconds do so while the load is light, instead of
 * building a queue at the full rate that the measured part never works off. The second half of the
 * warm-up runs at the full rate, so that the measurement starts in the steady state: the first
 * seconds at a rate near a machine's limit are a transient (batches and queues settling at their new
 * sizes) that a ramp ending just as the measurement starts put into the measured part.
 *
 * @param ratePerSecond the full rate
 * @param warmupNanos   how long the warm-up lasts (twice the ramp's length)
 * @param rampUp        whether the warm-up ramps the rate up (otherwise it runs at the full rate)
 */
record SendSchedule(double ratePerSecond, long warmupNanos, boolean rampUp) {

    /** The ramp's first rate, as a share of the full rate. */
    static final double RAMP_START = 0.1;
    /** The ramp's share of the warm-up; the rest of the warm-up is at the full rate. */
    static final double RAMP_SHARE = 0.5;

    SendSchedule {
        if (!(ratePerSecond > 0) || warmupNanos < 0) {
            throw new IllegalArgumentException("schedule: rate " + ratePerSecond + "/s, warm-up " + warmupNanos
                    + " ns (expected: a positive rate, a warm-up of zero or more)");
        }
    }

    /**
     * How many full-rate seconds a second of warm-up is worth: one without a ramp; with one, the ramp's
     * half at its mean rate (0.55 of the full rate) and the other half at the full rate.
     */
    static double warmupWeight(boolean rampUp) {
        return rampUp ? RAMP_SHARE * (1 + RAMP_START) / 2 + (1 - RAMP_SHARE) : 1;
    }

    /** Nanoseconds from the start until send number {@code i} (from 0) is due. */
    long dueOffsetNanos(long i) {
        if (!rampUp || warmupNanos == 0) {
            return (long) (i * (1e9 / ratePerSecond));
        }
        long rampNanos = (long) (warmupNanos * RAMP_SHARE);
        double rampSeconds = rampNanos / 1e9;
        double sendsInRamp = ratePerSecond * rampSeconds * (1 + RAMP_START) / 2;
        if (i >= sendsInRamp) {
            return rampNanos + (long) ((i - sendsInRamp) * (1e9 / ratePerSecond));
        }
        // Sends due by time t on the ramp: R (a t + (1 - a) t² / 2W); solved for t at i sends.
        double a = RAMP_START;
        double quadratic = (1 - a) * ratePerSecond / (2 * rampSeconds);
        double linear = a * ratePerSecond;
        double t = (-linear + Math.sqrt(linear * linear + 4 * quadratic * i)) / (2 * quadratic);
        return (long) (t * 1e9);
    }
}
