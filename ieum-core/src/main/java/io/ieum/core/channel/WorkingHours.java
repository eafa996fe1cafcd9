package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;

import io.ieum.core.error.IeumException;

/** One day's bookable hours, {@code open} inclusive to {@code close} exclusive, in the calendar's zone. */
public record WorkingHours(LocalTime open, LocalTime close) {

    public WorkingHours {
        requireNonNull(open, "open");
        requireNonNull(close, "close");
        if (!close.isAfter(open)) {
            throw IeumException.invalid("hours: " + open + "-" + close + " (expected: close after open on the same day)");
        }
    }

    @Override
    public String toString() {
        return open + "-" + close;
    }
}
