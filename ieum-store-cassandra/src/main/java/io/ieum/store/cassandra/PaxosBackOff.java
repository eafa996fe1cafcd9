package io.ieum.store.cassandra;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The pause before proposing again after Paxos contention or a timeout: uniform in
 * [0, min(1 s, 50 ms × 2^(attempt−1))). Proposers that collided must spread out by more than a
 * Paxos round (tens of ms, ~1 s under load): a 5–200 ms linear spread let 16 claimers on 3 sites
 * keep pre-empting each other's ballots until every attempt was spent.
 */
final class PaxosBackOff {

    static final long MAX_MILLIS = 1000;

    private PaxosBackOff() {}

    /** Pause before attempt {@code attempt} (1 = the first retry), drawn by {@code uniformBelow}. */
    static long millis(int attempt, LongUnaryOperator uniformBelow) {
        long bound = Math.min(MAX_MILLIS, 50L << Math.min(attempt - 1, 10));
        return uniformBelow.applyAsLong(bound);
    }

    /** Sleeps before attempt {@code attempt}; {@code what} names the operation if interrupted. */
    static void pause(int attempt, String what) {
        try {
            Thread.sleep(millis(attempt, bound -> ThreadLocalRandom.current().nextLong(bound)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
