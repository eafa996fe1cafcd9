package io.ieum.core.channel;

/** A booking holds its slots while BOOKED or CONFIRMED; a CANCELLED one has released them. */
public enum BookingStatus {
    BOOKED,
    CONFIRMED,
    CANCELLED;

    public boolean holdsSlots() {
        return this != CANCELLED;
    }
}
