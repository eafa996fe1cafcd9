package io.ieum.core.store;

import java.time.Instant;
import java.util.Collection;
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

/**
 * Booking calendars, slots and bookings. A slot is (channel, staff member, start); claiming the
 * slots of a booking is linearizable (a transaction on SQLite; one conditional batch of lightweight
 * transactions at SERIAL on Cassandra), so however many customers on however many sites claim the
 * same slot, exactly one booking holds it. The booking ID is made by the customer's client, so a
 * retried booking claims nothing twice.
 */
public interface BookingStore {

    void putCalendar(BookingCalendar calendar);

    Optional<BookingCalendar> calendar(ChannelId channelId);

    /**
     * Claims every slot of {@code booking} (status BOOKED, version 1) and stores it, all or nothing.
     * Marks the try first ({@link #begin}), so a call that fails after that point — before, during or
     * after its claim — can be retried later under the same ID (ADR 0016).
     *
     * @return BOOKED if all were free; DUPLICATE if this booking ID already holds them or was already
     *         stored (then nothing changes); TAKEN if another booking holds one of them (nothing changes)
     */
    SlotClaim book(Booking booking);

    /**
     * Records that a create of booking {@code id} for {@code channelId} is starting: the first step of
     * {@link #book}, durable (QUORUM on Cassandra) before any slot is claimed. Idempotent.
     */
    void begin(ChannelId channelId, BookingId id);

    /**
     * Whether a create of this ID for this channel was started before ({@link #begin}) — its claim may
     * never have landed (the caller timed out, a site died, Paxos stayed contended). The proof that the
     * ID was presented, fresh, to this channel once: a later resend of it is a genuine retry (ADR 0016).
     */
    boolean begun(ChannelId channelId, BookingId id);

    Optional<Booking> get(BookingId id);

    /**
     * Replaces the stored booking with {@code next} if the stored version is {@code next.version() - 1}:
     * a cancelled booking releases its slots; a booking moved to another start or staff member claims
     * the new slots (TAKEN if another booking holds one, nothing changed) and releases the old ones.
     */
    Change<Booking> update(Booking next);

    /**
     * The booking holding the slot at {@code start} with {@code staff}, if any — also one whose claim
     * landed but whose row was never written (a create cut off after its claim): the proof that a late
     * resend under that booking's ID is a genuine retry (ADR 0016).
     */
    Optional<BookingId> holder(ChannelId channelId, UserId staff, Instant start);

    /** The slot starts held by any booking for {@code staff} in {@code [from, to)}. */
    Set<Instant> takenSlots(ChannelId channelId, UserId staff, Instant from, Instant to);

    /** Bookings holding slots (not cancelled) with {@code staff} starting in {@code [from, to)}, by start. */
    List<Booking> between(ChannelId channelId, Collection<UserId> staff, Instant from, Instant to);

    /** Up to {@code limit} of the customer's bookings, newest booked first. */
    List<Booking> byCustomer(UserId customer, int limit);
}
