package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.BookingStatus;
import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.Change;
import io.ieum.core.channel.Channel;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.channel.WorkingHours;
import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.EntryKind;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.ChannelStore;

/**
 * The booking calendar: its set-up, free slots, and booking, confirming, rescheduling and
 * cancelling. Each slot is claimed linearizably by the store; every applied change is posted into
 * the customer's conversation with the channel.
 */
public final class BookingService {

    /** How far ahead customers may book. */
    public static final Duration MAX_AHEAD = Duration.ofDays(180);

    private final BookingStore bookings;
    private final ChannelStore channels;
    private final ChannelAccess access;
    private final ConversationRooms conversations;
    private final AccountService accounts;
    private final Limits limits;
    private final Clock clock;

    public BookingService(BookingStore bookings, ChannelStore channels, ChannelAccess access, ConversationRooms conversations,
                          AccountService accounts, Limits limits, Clock clock) {
        this.bookings = requireNonNull(bookings, "bookings");
        this.channels = requireNonNull(channels, "channels");
        this.access = requireNonNull(access, "access");
        this.conversations = requireNonNull(conversations, "conversations");
        this.accounts = requireNonNull(accounts, "accounts");
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Staff set the calendar; every bookable person must be staff of this channel. */
    public BookingCalendar setCalendar(AuthContext caller, ChannelId channelId, String zone, int slotMinutes,
                                       Map<DayOfWeek, WorkingHours> hours, List<String> staffUsernames) {
        access.requireStaff(channelId, caller.userId());
        List<UserId> staff = new ArrayList<>();
        for (String username : staffUsernames == null ? List.<String>of() : staffUsernames) {
            Account account = accounts.byUsername(username);
            if (!access.isStaff(channelId, account.id())) {
                throw IeumException.invalid("staff: '" + account.username() + "' (expected: a staff member of channel " + channelId + ")");
            }
            staff.add(account.id());
        }
        BookingCalendar calendar = new BookingCalendar(channelId, BookingCalendar.zone(zone), slotMinutes,
                hours == null ? Map.of() : hours, staff);
        bookings.putCalendar(calendar);
        return calendar;
    }

    public BookingCalendar calendar(ChannelId channelId) {
        access.channel(channelId);
        return bookings.calendar(channelId).orElseThrow(() -> IeumException.notFound(
                "calendar: none for channel " + channelId + " (expected: a channel that takes bookings)"));
    }

    /** A bookable time: {@code staff} is free for the whole service from {@code start} to {@code end}. */
    public record Slot(UserId staff, Instant start, Instant end) {}

    /** The free starts for {@code serviceId} on {@code date} (in the calendar's zone), for one or every bookable staff member. */
    public List<Slot> freeSlots(ChannelId channelId, ItemId serviceId, LocalDate date, UserId onlyStaff) {
        BookingCalendar calendar = calendar(channelId);
        CatalogueItem service = service(channelId, serviceId);
        Instant now = clock.instant();
        if (date.isBefore(LocalDate.ofInstant(now, calendar.zone()).minusDays(1))
                || date.isAfter(LocalDate.ofInstant(now.plus(MAX_AHEAD), calendar.zone()))) {
            throw IeumException.invalid("date: " + date + " (expected: from today to " + MAX_AHEAD.toDays() + " days ahead)");
        }
        WorkingHours hours = calendar.hours().get(date.getDayOfWeek());
        if (hours == null) {
            return List.of();
        }
        List<UserId> staff = onlyStaff == null ? calendar.staff() : List.of(requireBookable(calendar, onlyStaff));
        Instant open = date.atTime(hours.open()).atZone(calendar.zone()).toInstant();
        Instant close = date.atTime(hours.close()).atZone(calendar.zone()).toInstant();
        Duration step = Duration.ofMinutes(calendar.slotMinutes());
        Duration length = length(service, calendar);
        List<Slot> free = new ArrayList<>();
        for (UserId person : staff) {
            Set<Instant> taken = bookings.takenSlots(channelId, person, open, close);
            for (Instant start = open; !start.plus(length).isAfter(close); start = start.plus(step)) {
                if (start.isAfter(now) && allFree(start, length, step, taken)) {
                    free.add(new Slot(person, start, start.plus(length)));
                }
            }
        }
        return free;
    }

    private static boolean allFree(Instant start, Duration length, Duration step, Set<Instant> taken) {
        for (Instant slot = start; slot.isBefore(start.plus(length)); slot = slot.plus(step)) {
            if (taken.contains(slot)) {
                return false;
            }
        }
        return true;
    }

    public record Request(BookingId id, ItemId serviceId, UserId staff, Instant start) {}

    /** @param created false when this was a retry of a booking already stored */
    public record Booked(Booking booking, boolean created) {}

    public Booked book(AuthContext caller, ChannelId channelId, Request request) {
        requireNonNull(request.id(), "id");
        Channel channel = access.channel(channelId);
        BookingCalendar calendar = calendar(channelId);
        if (request.serviceId() == null) {
            throw IeumException.invalid("serviceId: missing (expected: a bookable service of this channel)");
        }
        if (request.staff() == null || request.start() == null) {
            throw IeumException.invalid((request.staff() == null ? "staffId" : "start") + ": missing (expected: a free slot)");
        }
        var existing = bookings.get(request.id());
        if (existing.isPresent()) {
            return new Booked(retried(existing.get(), caller, channelId, request), false);
        }
        String stale = IdFreshness.problem("id", request.id(), request.id().createdAt(), limits, clock);
        if (stale != null && (request.id().createdAt().isAfter(clock.instant()) || !begun(channelId, request))) {
            throw IeumException.invalid(stale);
        }
        CatalogueItem service = service(channelId, request.serviceId());
        Instant now = clock.instant();
        Instant start = checkSlot(calendar, request.staff(), request.start(), length(service, calendar), now);
        Booking booking = new Booking(request.id(), channelId, caller.userId(), service.id(), request.staff(), start,
                start.plus(length(service, calendar)), calendar.slotMinutes(), BookingStatus.BOOKED, "", 1, now);
        SlotClaim claim = bookings.book(booking);
        switch (claim) {
            case BOOKED -> {
                post(channel, booking, caller.userId());
                return new Booked(booking, true);
            }
            case DUPLICATE -> {
                return new Booked(retried(bookings.get(request.id()).orElse(booking), caller, channelId, request), false);
            }
            default -> throw new IeumException(ErrorCode.SLOT_TAKEN, "start: " + start + " with staffId " + request.staff()
                    + " (expected: a free slot; another booking holds it)");
        }
    }

    /**
     * An old ID is let through only as a genuine retry: a create of it for this channel began while it
     * was fresh (its claim may never have landed), or — for a create begun before booking_attempts
     * existed — its slot claim landed and its row was never written (ADR 0016).
     */
    private boolean begun(ChannelId channelId, Request request) {
        return bookings.begun(channelId, request.id())
                || bookings.holder(channelId, request.staff(), request.start()).filter(request.id()::equals).isPresent();
    }

    private static Booking retried(Booking stored, AuthContext caller, ChannelId channelId, Request request) {
        if (!stored.customer().equals(caller.userId()) || !stored.channelId().equals(channelId)
                || !stored.serviceId().equals(request.serviceId())) {
            throw new IeumException(ErrorCode.ID_CONFLICT, "id: " + request.id() + " (expected: a new ID for a new booking)");
        }
        return stored;
    }

    /** The start, if {@code staff} is bookable and the whole service fits the working hours of that day, on the slot grid, in the future. */
    private Instant checkSlot(BookingCalendar calendar, UserId staff, Instant start, Duration length, Instant now) {
        requireBookable(calendar, staff);
        if (!start.isAfter(now) || start.isAfter(now.plus(MAX_AHEAD))) {
            throw IeumException.invalid("start: " + start + " (expected: after now " + now + ", at most "
                    + MAX_AHEAD.toDays() + " days ahead)");
        }
        ZonedDateTime local = start.atZone(calendar.zone());
        WorkingHours hours = calendar.hours().get(local.getDayOfWeek());
        Instant open = hours == null ? null : local.toLocalDate().atTime(hours.open()).atZone(calendar.zone()).toInstant();
        Instant close = hours == null ? null : local.toLocalDate().atTime(hours.close()).atZone(calendar.zone()).toInstant();
        if (hours == null || start.isBefore(open) || start.plus(length).isAfter(close)) {
            throw IeumException.invalid("start: " + start + " (expected: within working hours "
                    + (hours == null ? "(closed on " + local.getDayOfWeek() + ")" : local.getDayOfWeek() + " " + hours)
                    + " in " + calendar.zone() + ", ending by closing time)");
        }
        long offset = Duration.between(open, start).toMinutes();
        if (Duration.between(open, start).toSeconds() % 60 != 0 || offset % calendar.slotMinutes() != 0) {
            throw IeumException.invalid("start: " + start + " (expected: on the " + calendar.slotMinutes()
                    + "-minute slot grid from " + hours.open() + ")");
        }
        return start;
    }

    private static UserId requireBookable(BookingCalendar calendar, UserId staff) {
        if (!calendar.staff().contains(staff)) {
            throw IeumException.invalid("staffId: " + staff + " (expected: a bookable staff member of channel "
                    + calendar.channelId() + ")");
        }
        return staff;
    }

    private CatalogueItem service(ChannelId channelId, ItemId serviceId) {
        return channels.item(channelId, serviceId)
                .filter(item -> item.kind() == ItemKind.SERVICE && item.available())
                .orElseThrow(() -> IeumException.invalid("serviceId: " + serviceId
                        + " (expected: an available service of channel " + channelId + ")"));
    }

    /** A service takes whole slots: 50 minutes on a 30-minute grid holds two. */
    private static Duration length(CatalogueItem service, BookingCalendar calendar) {
        int slots = (service.durationMinutes() + calendar.slotMinutes() - 1) / calendar.slotMinutes();
        return Duration.ofMinutes((long) slots * calendar.slotMinutes());
    }

    public Booking get(AuthContext caller, ChannelId channelId, BookingId id) {
        Booking booking = find(channelId, id);
        if (!booking.customer().equals(caller.userId())) {
            access.requireStaff(channelId, caller.userId());
        }
        return booking;
    }

    private Booking find(ChannelId channelId, BookingId id) {
        access.channel(channelId);
        return bookings.get(id).filter(b -> b.channelId().equals(channelId))
                .orElseThrow(() -> IeumException.notFound("bookingId: " + id + " (expected: a booking of channel " + channelId + ")"));
    }

    /** Staff confirm a booked appointment. */
    public Booking confirm(AuthContext caller, ChannelId channelId, BookingId id, Integer expectedVersion) {
        access.requireStaff(channelId, caller.userId());
        Booking current = checkVersion(find(channelId, id), expectedVersion, BookingStatus.CONFIRMED);
        if (current.status() != BookingStatus.BOOKED) {
            if (current.status() == BookingStatus.CONFIRMED && expectedVersion == null) {
                return current;
            }
            throw transition(current, BookingStatus.CONFIRMED);
        }
        return apply(caller, current.moved(BookingStatus.CONFIRMED, "", clock.instant()), BookingStatus.CONFIRMED);
    }

    /** The customer or staff cancel; the slots become free again. */
    public Booking cancel(AuthContext caller, ChannelId channelId, BookingId id, String reason, Integer expectedVersion) {
        Booking current = get(caller, channelId, id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw IeumException.invalid("reason: missing (expected: why the booking is cancelled)");
        }
        current = checkVersion(current, expectedVersion, BookingStatus.CANCELLED);
        if (current.status() == BookingStatus.CANCELLED) {
            if (expectedVersion == null) {
                return current;
            }
            throw transition(current, BookingStatus.CANCELLED);
        }
        return apply(caller, current.moved(BookingStatus.CANCELLED, why, clock.instant()), BookingStatus.CANCELLED);
    }

    /** Staff move a booking to another start (and staff member); the old slots are released. */
    public Booking reschedule(AuthContext caller, ChannelId channelId, BookingId id, UserId staff, Instant start,
                              Integer expectedVersion) {
        access.requireStaff(channelId, caller.userId());
        BookingCalendar calendar = calendar(channelId);
        Booking current = find(channelId, id);
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw stateChanged(current, expectedVersion);
        }
        if (!current.status().holdsSlots()) {
            throw transition(current, current.status());
        }
        UserId who = staff == null ? current.staff() : staff;
        Duration length = Duration.between(current.start(), current.end());
        checkSlot(calendar, who, requireNonNull(start, "start"), length, clock.instant());
        Change<Booking> change = bookings.update(current.rescheduled(who, start, clock.instant()));
        if (change.outcome() == Change.Outcome.TAKEN) {
            throw new IeumException(ErrorCode.SLOT_TAKEN, "start: " + start + " with staffId " + who
                    + " (expected: a free slot; another booking holds it)");
        }
        return applied(caller, change, current.version());
    }

    private Booking apply(AuthContext caller, Booking next, BookingStatus target) {
        return applied(caller, bookings.update(next), next.version() - 1);
    }

    private Booking applied(AuthContext caller, Change<Booking> change, int decidedOn) {
        if (!change.applied()) {
            Booking now = change.current();
            throw new IeumException(ErrorCode.STATE_CHANGED, "version: " + decidedOn + " (expected: "
                    + (now == null ? "none" : now.version() + ", the booking is now " + now.status()) + ")");
        }
        Booking booking = change.current();
        post(access.channel(booking.channelId()), booking, caller.userId());
        return booking;
    }

    private static Booking checkVersion(Booking current, Integer expectedVersion, BookingStatus target) {
        if (expectedVersion != null && current.version() != expectedVersion) {
            if (current.status() == target && current.version() == expectedVersion + 1) {
                return current;
            }
            throw stateChanged(current, expectedVersion);
        }
        return current;
    }

    private static IeumException stateChanged(Booking current, int expected) {
        return new IeumException(ErrorCode.STATE_CHANGED, "version: " + expected + " (expected: " + current.version()
                + ", the booking is now " + current.status() + ")");
    }

    private static IeumException transition(Booking current, BookingStatus target) {
        return new IeumException(ErrorCode.INVALID_TRANSITION, "status: " + current.status() + " -> " + target
                + " (expected: " + (current.status() == BookingStatus.BOOKED ? "CONFIRMED or CANCELLED"
                : current.status() == BookingStatus.CONFIRMED ? "CANCELLED" : "none; the booking is cancelled") + ")");
    }

    private void post(Channel channel, Booking booking, UserId actor) {
        conversations.post(channel, booking.customer(), actor, EntryKind.BOOKING_UPDATE,
                booking.id() + ":" + booking.status() + ":" + booking.start(), booking.reason());
    }

    /** The shop's calendar: bookings holding slots from {@code from} to {@code to}. */
    public List<Booking> between(AuthContext caller, ChannelId channelId, Instant from, Instant to) {
        access.requireStaff(channelId, caller.userId());
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(Duration.ofDays(62)) > 0) {
            throw IeumException.invalid("to: " + to + " (expected: after from " + from + ", at most 62 days later)");
        }
        BookingCalendar calendar = calendar(channelId);
        return bookings.between(channelId, calendar.staff(), from, to);
    }

    public List<Booking> mine(AuthContext caller, int limit) {
        if (limit < 1 || limit > MessageService.MAX_PAGE) {
            throw IeumException.invalid("limit: " + limit + " (expected: 1.." + MessageService.MAX_PAGE + ")");
        }
        return bookings.byCustomer(caller.userId(), limit);
    }
}
