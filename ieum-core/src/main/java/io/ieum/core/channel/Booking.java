package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;

/**
 * A customer's appointment with one staff member for one bookable service. It occupies the slots
 * {@code start, start + slotMinutes, …} before {@code end}; the slot length is copied from the
 * calendar when booked, so a later calendar change never moves which slots it holds.
 */
public record Booking(BookingId id, ChannelId channelId, UserId customer, ItemId serviceId, UserId staff,
                      Instant start, Instant end, int slotMinutes, BookingStatus status, String reason,
                      int version, Instant updatedAt) {

    public Booking {
        requireNonNull(id, "id");
        requireNonNull(channelId, "channelId");
        requireNonNull(customer, "customer");
        requireNonNull(serviceId, "serviceId");
        requireNonNull(staff, "staff");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: " + end + " (expected: after start " + start + ")");
        }
        TextRules.range("slotMinutes", slotMinutes, BookingCalendar.MIN_SLOT_MINUTES, BookingCalendar.MAX_SLOT_MINUTES);
        requireNonNull(status, "status");
        reason = TextRules.text("reason", reason, 0, 500);
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
        requireNonNull(updatedAt, "updatedAt");
    }

    /** The start of every slot this booking occupies, in time order. */
    public List<Instant> slots() {
        Duration step = Duration.ofMinutes(slotMinutes);
        List<Instant> slots = new ArrayList<>();
        for (Instant slot = start; slot.isBefore(end); slot = slot.plus(step)) {
            slots.add(slot);
        }
        return slots;
    }

    public Booking moved(BookingStatus next, String why, Instant at) {
        return new Booking(id, channelId, customer, serviceId, staff, start, end, slotMinutes, next, why, version + 1, at);
    }

    public Booking rescheduled(UserId newStaff, Instant newStart, Instant at) {
        Duration length = Duration.between(start, end);
        return new Booking(id, channelId, customer, serviceId, newStaff, newStart, newStart.plus(length), slotMinutes,
                status, reason, version + 1, at);
    }

    /** Whether {@code other} is the same submission (a retry). */
    public boolean sameRequestAs(Booking other) {
        return id.equals(other.id) && channelId.equals(other.channelId) && customer.equals(other.customer)
                && serviceId.equals(other.serviceId);
    }
}
