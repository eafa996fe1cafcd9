package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a compare-and-set on an order or a booking.
 *
 * @param current the stored value after the attempt: the new one if applied, else what won
 */
public record Change<T>(Outcome outcome, T current) {

    public enum Outcome {
        /** The stored version was the expected one; the change is durable. */
        APPLIED,
        /** The stored version moved on (another change won, or it was never there); nothing changed. */
        STALE,
        /** A reschedule's new slots are held by another booking; nothing changed. */
        TAKEN
    }

    public Change {
        requireNonNull(outcome, "outcome");
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
