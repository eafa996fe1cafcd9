package io.ieum.core.channel;

/** The answer to claiming a booking's slots. */
public enum SlotClaim {
    /** Every slot was free and is now held by this booking. */
    BOOKED,
    /** This same booking already holds them (a retry, here or on another site). */
    DUPLICATE,
    /** Another booking holds at least one of them; nothing changed. */
    TAKEN
}
