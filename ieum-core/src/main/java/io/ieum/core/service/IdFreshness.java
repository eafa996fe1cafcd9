package io.ieum.core.service;

import java.time.Clock;
import java.time.Instant;

/**
 * The rule of ADR 0002 for every client-made ID: a new one must be made within {@code idMaxAge}
 * before and {@code idMaxFutureSkew} after the server clock. Orders and bookings are laid out by the
 * time in their ID, so an old ID would file a new order among old ones.
 */
final class IdFreshness {

    private IdFreshness() {}

    /** Why a new write may not use an ID made at {@code at}, or null if it may. */
    static String problem(String field, Object id, Instant at, Limits limits, Clock clock) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(limits.idMaxAge()))) {
            return field + ": " + id + " was made at " + at + " (expected: made within "
                    + limits.idMaxAge().toSeconds() + " s of the server clock " + now + "; make a new ID)";
        }
        if (at.isAfter(now.plus(limits.idMaxFutureSkew()))) {
            return field + ": " + id + " was made at " + at + " (expected: not later than the server clock "
                    + now + " + " + limits.idMaxFutureSkew().toSeconds() + " s)";
        }
        return null;
    }
}
