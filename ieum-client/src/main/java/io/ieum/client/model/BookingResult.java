package io.ieum.client.model;

/** The answer to a booking: {@code stored}, or {@code duplicate} (with its current state) for a retry. */
public record BookingResult(String status, BookingView booking) {

    public boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
