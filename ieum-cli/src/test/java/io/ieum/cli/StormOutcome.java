package io.ieum.cli;

import java.net.URI;

/**
 * What one call of the shop storm was told. {@code TOLD}: that it happened (201 stored, 200
 * duplicate, 200 applied), with the stored record as {@code value}; {@code REFUSED}: a 409 naming why
 * it lost ({@code slot_taken}, {@code state_changed}, {@code invalid_transition}); {@code UNKNOWN}: no
 * site answered (unreachable, {@code 503 busy}), so it may or may not have been applied; {@code
 * WRONG}: any other answer, which the test treats as a failure.
 *
 * @param id         the booking or order ID the call carried (the same on every retry)
 * @param askedAt    the site the call was sent to first
 * @param answeredAt the site the client was on when the call ended (another one after a failover)
 */
record StormOutcome<T>(Kind kind, String id, T value, String error, URI askedAt, URI answeredAt, long startedNanos,
                       long endedNanos) {

    enum Kind { TOLD, REFUSED, UNKNOWN, WRONG }

    boolean failedOver() {
        return !askedAt.equals(answeredAt);
    }

    @Override
    public String toString() {
        return kind + " " + id + (error == null ? "" : " (" + error + ")") + " asked " + askedAt + " answered " + answeredAt;
    }
}
