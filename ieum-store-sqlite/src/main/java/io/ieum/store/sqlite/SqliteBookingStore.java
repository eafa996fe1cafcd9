package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.Change;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.StoreArguments;

/**
 * Bookings on the one writer thread. Each claim, cancel or reschedule is one writer task, which
 * runs inside its own savepoint of the batch transaction: it checks every slot and writes all of
 * them, or (by throwing {@link Taken}) rolls back to its savepoint and changes nothing. A create first
 * records that it began, in a task of its own, so that a create which fails after it (busy, a crash)
 * can be retried later under the same ID (ADR 0016).
 */
final class SqliteBookingStore implements BookingStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final CalendarDao calendars = new CalendarDao();
    private final SlotDao slots = new SlotDao();
    private final BookingDao bookings = new BookingDao();

    /** Thrown inside a task to roll its writes back: a slot is held by another booking. */
    private static final class Taken extends RuntimeException {
        Taken() {
            super("slot taken", null, false, false);
        }
    }

    SqliteBookingStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void putCalendar(BookingCalendar calendar) {
        requireNonNull(calendar, "calendar");
        writer.call(c -> {
            calendars.put(c, calendar);
            return null;
        });
    }

    @Override
    public Optional<BookingCalendar> calendar(ChannelId channelId) {
        requireNonNull(channelId, "channelId");
        return reads.read(c -> calendars.get(c, channelId));
    }

    @Override
    public SlotClaim book(Booking booking) {
        requireNonNull(booking, "booking");
        begin(booking.channelId(), booking.id());
        try {
            return writer.call(c -> {
                if (bookings.get(c, booking.id()).isPresent()) {
                    return SlotClaim.DUPLICATE;
                }
                claim(c, booking);
                bookings.insert(c, booking);
                return SlotClaim.BOOKED;
            });
        } catch (Taken taken) {
            return SlotClaim.TAKEN;
        }
    }

    private void claim(SqlConnection c, Booking booking) throws SQLException {
        for (Instant slot : booking.slots()) {
            Optional<BookingId> holder = slots.holder(c, booking.channelId(), booking.staff(), slot);
            if (holder.isPresent() && !holder.get().equals(booking.id())) {
                throw new Taken();
            }
            if (holder.isEmpty()) {
                slots.claim(c, booking.channelId(), booking.staff(), slot, booking.id());
            }
        }
    }

    private void release(SqlConnection c, Booking booking) throws SQLException {
        for (Instant slot : booking.slots()) {
            slots.release(c, booking.channelId(), booking.staff(), slot, booking.id());
        }
    }

    @Override
    public void begin(ChannelId channelId, BookingId id) {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        writer.call(c -> {
            CreateAttemptsDao.BOOKINGS.markBegun(c, channelId, id.uuid());
            return null;
        });
    }

    @Override
    public boolean begun(ChannelId channelId, BookingId id) {
        requireNonNull(channelId, "channelId");
        requireNonNull(id, "id");
        return reads.read(c -> CreateAttemptsDao.BOOKINGS.begun(c, channelId, id.uuid()));
    }

    @Override
    public Optional<Booking> get(BookingId id) {
        requireNonNull(id, "id");
        return reads.read(c -> bookings.get(c, id));
    }

    @Override
    public Change<Booking> update(Booking next) {
        requireNonNull(next, "next");
        try {
            return writer.call(c -> {
                Optional<Booking> stored = bookings.get(c, next.id());
                if (stored.isEmpty() || stored.get().version() != next.version() - 1) {
                    return new Change<>(Change.Outcome.STALE, stored.orElse(null));
                }
                Booking current = stored.get();
                release(c, current);
                if (next.status().holdsSlots()) {
                    claim(c, next);
                }
                bookings.compareAndSet(c, next);
                return new Change<>(Change.Outcome.APPLIED, next);
            });
        } catch (Taken taken) {
            return new Change<>(Change.Outcome.TAKEN, get(next.id()).orElse(null));
        }
    }

    @Override
    public Optional<BookingId> holder(ChannelId channelId, UserId staff, Instant start) {
        requireNonNull(channelId, "channelId");
        requireNonNull(staff, "staff");
        requireNonNull(start, "start");
        return reads.read(c -> slots.holder(c, channelId, staff, start));
    }

    @Override
    public Set<Instant> takenSlots(ChannelId channelId, UserId staff, Instant from, Instant to) {
        requireNonNull(channelId, "channelId");
        requireNonNull(staff, "staff");
        return reads.read(c -> new LinkedHashSet<>(slots.taken(c, channelId, staff, from, to)));
    }

    @Override
    public List<Booking> between(ChannelId channelId, Collection<UserId> staff, Instant from, Instant to) {
        requireNonNull(channelId, "channelId");
        Set<UserId> who = Set.copyOf(staff);
        return reads.read(c -> bookings.between(c, channelId, from, to)).stream()
                .filter(booking -> who.contains(booking.staff())).toList();
    }

    @Override
    public List<Booking> byCustomer(UserId customer, int limit) {
        requireNonNull(customer, "customer");
        StoreArguments.limit(limit);
        return reads.read(c -> bookings.byCustomer(c, customer, limit));
    }
}
