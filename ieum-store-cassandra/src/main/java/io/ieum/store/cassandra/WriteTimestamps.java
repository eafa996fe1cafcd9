package io.ieum.store.cassandra;

import java.time.Clock;
import java.time.Instant;

/**
 * Write timestamps chosen by the backend instead of "now", so that Cassandra's last-write-wins
 * does what the ports promise (docs/adr/0004-cassandra-idempotent-append.md).
 *
 * <ul>
 *   <li><b>Appends run backwards in time</b>: {@code MIRROR - now}. An earlier write of the same
 *       (room, ID) always carries a higher timestamp than a later one, so the first write wins every
 *       cell: a clashing re-write can never replace stored content. The values stay below real time
 *       (they are {@code <= MIRROR/2} once the clock is past 2023-11-14), so:</li>
 *   <li><b>Erasing runs at real time</b> ({@code now}), above every append ever made: a retried
 *       append that arrives after a delete loses, the text never comes back. Ordinary deletes
 *       (maintenance, TRUNCATE-free clean-up) at real time also shadow appends.</li>
 *   <li><b>Read positions</b> are written at a timestamp made from the position itself, so the
 *       newest position wins whatever order the writes arrive in.</li>
 * </ul>
 * The append scheme is valid until {@code MIRROR} micros since the epoch (year 2077).
 */
final class WriteTimestamps {

    /** 2 x 2023-11-14T22:13:20Z in microseconds: appends stay positive until 2077 and below now after 2023. */
    static final long MIRROR = 2 * 1_700_000_000_000_000L;

    private final Clock clock;

    WriteTimestamps(Clock clock) {
        this.clock = clock;
    }

    long nowMicros() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
    }

    /** Timestamp of an append: earlier appends win. */
    long append() {
        return MIRROR - nowMicros();
    }

    /** Timestamp of an erase: above every append. */
    long erase() {
        return nowMicros();
    }

    /**
     * Timestamp of a read position: its UUIDv7 milliseconds in micros, plus the 12-bit sub-millisecond
     * field scaled to 0..999, so a newer position always carries a higher (or, within the same
     * microsecond slot, equal) timestamp.
     */
    static long position(java.util.UUID uuidV7) {
        long millis = uuidV7.getMostSignificantBits() >>> 16;
        long randA = uuidV7.getMostSignificantBits() & 0x0FFFL;
        return millis * 1_000L + (randA * 1_000L >>> 12);
    }
}
