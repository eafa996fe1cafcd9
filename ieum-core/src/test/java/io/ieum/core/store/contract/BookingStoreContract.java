package io.ieum.core.store.contract;

import static io.ieum.core.store.contract.ChannelFixtures.MONDAY_NINE;
import static io.ieum.core.store.contract.ChannelFixtures.booking;
import static io.ieum.core.store.contract.ChannelFixtures.calendar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.channel.BookingStatus;
import io.ieum.core.channel.Change;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.StorageBusyException;

/** The behaviour every {@link BookingStore} backend must show; above all, one booking per slot. */
public interface BookingStoreContract {

    BookingStore bookingStore();

    private static Instant at(int minutesAfterNine) {
        return MONDAY_NINE.plus(Duration.ofMinutes(minutesAfterNine));
    }

    /**
     * What a customer's app does: a "busy" answer is an unknown outcome (a contended lightweight
     * transaction that timed out may still have won), so it sends the same booking again. Finding
     * its own booking then means the earlier try won: the customer is told "booked" (the service
     * answers a duplicate with the stored booking). Backends that are never busy see one call.
     */
    private SlotClaim bookAsACustomer(Booking candidate) {
        for (int attempt = 1; ; attempt++) {
            try {
                SlotClaim claim = bookingStore().book(candidate);
                return attempt > 1 && claim == SlotClaim.DUPLICATE ? SlotClaim.BOOKED : claim;
            } catch (StorageBusyException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Like {@link #bookAsACustomer}: after "busy", finding the booking already as we wanted it means our change won. */
    private Change<Booking> updateAsStaff(Booking next) {
        for (int attempt = 1; ; attempt++) {
            try {
                Change<Booking> change = bookingStore().update(next);
                boolean ourEarlierTryWon = attempt > 1 && change.outcome() == Change.Outcome.STALE && next.equals(change.current());
                return ourEarlierTryWon ? new Change<>(Change.Outcome.APPLIED, next) : change;
            } catch (StorageBusyException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    default void calendarShouldBeStoredAndReplaced() {
        ChannelId channel = ChannelId.random();
        BookingCalendar first = calendar(channel, List.of(UserId.random()));
        BookingCalendar second = calendar(channel, List.of(UserId.random(), UserId.random()));

        bookingStore().putCalendar(first);
        assertThat(bookingStore().calendar(channel)).contains(first);
        bookingStore().putCalendar(second);

        assertThat(bookingStore().calendar(channel)).contains(second);
        assertThat(bookingStore().calendar(ChannelId.random())).isEmpty();
    }

    @Test
    default void bookShouldClaimEverySlotOfTheBooking() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking hour = booking(channel, UserId.random(), staff, at(60), 60);

        assertThat(bookingStore().book(hour)).isEqualTo(SlotClaim.BOOKED);

        assertThat(bookingStore().get(hour.id())).contains(hour);
        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(240))).containsExactlyInAnyOrder(at(60), at(90));
        assertThat(bookingStore().takenSlots(channel, UserId.random(), at(0), at(240))).isEmpty();
    }

    @Test
    default void holderShouldNameTheBookingHoldingEachOfItsSlotsUntilItIsCancelled() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking hour = booking(channel, UserId.random(), staff, at(60), 60);
        assertThat(bookingStore().holder(channel, staff, at(60))).isEmpty();

        bookingStore().book(hour);

        assertThat(bookingStore().holder(channel, staff, at(60))).contains(hour.id());
        assertThat(bookingStore().holder(channel, staff, at(90))).contains(hour.id());
        assertThat(bookingStore().holder(channel, staff, at(120))).isEmpty();
        assertThat(bookingStore().holder(channel, UserId.random(), at(60))).isEmpty();
        bookingStore().update(hour.moved(BookingStatus.CANCELLED, "sick", Fixtures.now()));
        assertThat(bookingStore().holder(channel, staff, at(60))).isEmpty();
    }

    @Test
    default void aCreateBegunWhoseClaimNeverLandedShouldBeKnownAsBegunAndBookedByItsRetry() {
        Booking late = booking(ChannelId.random(), UserId.random(), UserId.random(), at(60), 30);
        assertThat(bookingStore().begun(late.channelId(), late.id())).isFalse();

        // What a create leaves when it is cut off after its first step (its claim timed out before Paxos
        // accepted it, or was never tried): no slot, no row — only the mark (ADR 0016).
        bookingStore().begin(late.channelId(), late.id());

        assertThat(bookingStore().begun(late.channelId(), late.id())).isTrue();
        assertThat(bookingStore().holder(late.channelId(), late.staff(), late.start())).isEmpty();
        assertThat(bookingStore().get(late.id())).isEmpty();
        assertThat(bookAsACustomer(late)).isEqualTo(SlotClaim.BOOKED);
        assertThat(bookingStore().get(late.id())).contains(late);
        assertThat(bookingStore().holder(late.channelId(), late.staff(), late.start())).contains(late.id());
    }

    @Test
    default void begunShouldTellOnlyOfIdsWhoseCreateStartedAtThisChannel() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking booked = booking(channel, UserId.random(), staff, at(60), 30);
        Booking refused = booking(channel, UserId.random(), staff, at(60), 30);
        Booking neverTried = booking(channel, UserId.random(), staff, at(90), 30);
        Booking elsewhere = booking(ChannelId.random(), UserId.random(), staff, at(60), 30);
        bookingStore().begin(elsewhere.channelId(), elsewhere.id());

        assertThat(bookAsACustomer(booked)).isEqualTo(SlotClaim.BOOKED);
        assertThat(bookAsACustomer(refused)).isEqualTo(SlotClaim.TAKEN);

        assertThat(bookingStore().begun(channel, booked.id())).isTrue();
        // Refused, but presented here while fresh: a later resend of it is a retry (it may find the slot free).
        assertThat(bookingStore().begun(channel, refused.id())).isTrue();
        assertThat(bookingStore().begun(channel, neverTried.id())).isFalse();
        assertThat(bookingStore().begun(channel, elsewhere.id())).isFalse();
        assertThat(bookingStore().begun(elsewhere.channelId(), elsewhere.id())).isTrue();
        assertThat(bookingStore().begun(elsewhere.channelId(), booked.id())).isFalse();
    }

    @Test
    default void bookingTheSameBookingAgainShouldBeADuplicate() {
        Booking hour = booking(ChannelId.random(), UserId.random(), UserId.random(), at(60), 60);
        bookingStore().book(hour);

        assertThat(bookingStore().book(hour)).isEqualTo(SlotClaim.DUPLICATE);

        assertThat(bookingStore().get(hour.id())).contains(hour);
    }

    @Test
    default void anOverlappingBookingShouldFindTheSlotTakenAndChangeNothing() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking first = booking(channel, UserId.random(), staff, at(60), 60);
        Booking overlapping = booking(channel, UserId.random(), staff, at(0), 90);
        Booking otherStaff = booking(channel, UserId.random(), UserId.random(), at(60), 60);
        bookingStore().book(first);

        assertThat(bookingStore().book(overlapping)).isEqualTo(SlotClaim.TAKEN);
        assertThat(bookingStore().book(otherStaff)).isEqualTo(SlotClaim.BOOKED);

        assertThat(bookingStore().get(overlapping.id())).isEmpty();
        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(240))).containsExactlyInAnyOrder(at(60), at(90));
    }

    @Test
    default void manyCustomersClaimingTheSameSlotShouldLeaveExactlyOneBooking() throws Exception {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        List<Booking> candidates = new ArrayList<>();
        List<Callable<SlotClaim>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // Different lengths over the same first slot: every pair overlaps.
            Booking candidate = booking(channel, UserId.random(), staff, at(120), 30 * (1 + i % 3));
            candidates.add(candidate);
            claims.add(() -> bookAsACustomer(candidate));
        }

        List<SlotClaim> results = Concurrently.run(claims);

        assertThat(results).containsOnlyOnce(SlotClaim.BOOKED).doesNotContain(SlotClaim.DUPLICATE);
        Booking winner = candidates.get(results.indexOf(SlotClaim.BOOKED));
        assertThat(bookingStore().between(channel, List.of(staff), at(0), at(600))).containsExactly(winner);
        for (Booking loser : candidates) {
            if (loser != winner) {
                assertThat(bookingStore().get(loser.id())).isEmpty();
            }
        }
        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(600))).containsExactlyElementsOf(winner.slots());
    }

    /**
     * One booking sent by several callers at once: what a client's retry on another site does while
     * its first try (its answer lost, say to a timeout) is still running. Found by the shop storm on
     * the three-site cluster, where a retry that lost the insert-if-absent answered 500.
     */
    @Test
    default void concurrentTriesOfOneBookingShouldStoreItOnceAndTellEachItIsBooked() throws Exception {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking hour = booking(channel, UserId.random(), staff, at(180), 60);
        List<Callable<SlotClaim>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(() -> bookAsACustomer(hour));
        }

        List<SlotClaim> results = Concurrently.run(tries);

        assertThat(results).doesNotContain(SlotClaim.TAKEN).contains(SlotClaim.BOOKED);
        assertThat(bookingStore().get(hour.id())).contains(hour);
        assertThat(bookingStore().between(channel, List.of(staff), at(0), at(600))).containsExactly(hour);
        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(600))).containsExactlyElementsOf(hour.slots());
    }

    @Test
    default void cancellingShouldReleaseTheSlotsForAnotherBooking() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking first = booking(channel, UserId.random(), staff, at(60), 60);
        bookingStore().book(first);
        Booking cancelled = first.moved(BookingStatus.CANCELLED, "sick", Fixtures.now());

        assertThat(bookingStore().update(cancelled)).isEqualTo(new Change<>(Change.Outcome.APPLIED, cancelled));

        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(240))).isEmpty();
        assertThat(bookingStore().between(channel, List.of(staff), at(0), at(240))).isEmpty();
        Booking second = booking(channel, UserId.random(), staff, at(60), 30);
        assertThat(bookingStore().book(second)).isEqualTo(SlotClaim.BOOKED);
        assertThat(bookingStore().get(first.id())).contains(cancelled);
    }

    @Test
    default void reschedulingShouldMoveTheSlotsOrFindThemTaken() {
        ChannelId channel = ChannelId.random();
        UserId staff = UserId.random();
        Booking first = booking(channel, UserId.random(), staff, at(60), 60);
        Booking blocker = booking(channel, UserId.random(), staff, at(240), 30);
        bookingStore().book(first);
        bookingStore().book(blocker);

        Change<Booking> blocked = bookingStore().update(first.rescheduled(staff, at(210), Fixtures.now()));
        Booking moved = first.rescheduled(staff, at(300), Fixtures.now());
        Change<Booking> applied = bookingStore().update(moved);

        assertThat(blocked.outcome()).isEqualTo(Change.Outcome.TAKEN);
        assertThat(applied).isEqualTo(new Change<>(Change.Outcome.APPLIED, moved));
        assertThat(bookingStore().get(first.id())).contains(moved);
        assertThat(bookingStore().takenSlots(channel, staff, at(0), at(600)))
                .containsExactlyInAnyOrder(at(240), at(300), at(330));
    }

    @Test
    default void updateShouldApplyOnlyOnTheExpectedVersion() {
        Booking first = booking(ChannelId.random(), UserId.random(), UserId.random(), at(60), 30);
        bookingStore().book(first);
        Booking confirmed = first.moved(BookingStatus.CONFIRMED, "", Fixtures.now());
        bookingStore().update(confirmed);

        Change<Booking> stale = bookingStore().update(first.moved(BookingStatus.CANCELLED, "late", Fixtures.now()));

        assertThat(stale).isEqualTo(new Change<>(Change.Outcome.STALE, confirmed));
        assertThat(bookingStore().takenSlots(first.channelId(), first.staff(), at(0), at(240))).containsExactly(at(60));
    }

    @Test
    default void concurrentConfirmAndCancelShouldLetExactlyOneWin() throws Exception {
        Booking first = booking(ChannelId.random(), UserId.random(), UserId.random(), at(60), 30);
        bookingStore().book(first);
        List<Booking> candidates = new ArrayList<>();
        List<Callable<Change<Booking>>> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Every candidate distinct (its own time): a store that re-reads after an unknown outcome tells its own
            // change from another's only by value.
            Instant at = Fixtures.now().plusMillis(i);
            Booking next = i % 2 == 0 ? first.moved(BookingStatus.CONFIRMED, "", at)
                    : first.moved(BookingStatus.CANCELLED, "reason " + i, at);
            candidates.add(next);
            changes.add(() -> updateAsStaff(next));
        }

        List<Change<Booking>> results = Concurrently.run(changes);

        assertThat(results).filteredOn(Change::applied).hasSize(1);
        Booking winner = candidates.get(results.indexOf(results.stream().filter(Change::applied).findFirst().orElseThrow()));
        assertThat(bookingStore().get(first.id())).contains(winner);
    }

    @Test
    default void byCustomerShouldListNewestBookedFirstWithCurrentStatus() {
        UserId sora = UserId.random();
        Booking first = booking(ChannelId.random(), sora, UserId.random(), at(60), 30);
        Booking second = booking(ChannelId.random(), sora, UserId.random(), at(60), 30);
        bookingStore().book(first);
        bookingStore().book(second);
        Booking cancelled = first.moved(BookingStatus.CANCELLED, "plans changed", Fixtures.now());
        bookingStore().update(cancelled);

        assertThat(bookingStore().byCustomer(sora, 10)).containsExactly(second, cancelled);
    }

    @Test
    default void betweenShouldListBookingsOfTheGivenStaffByStart() {
        ChannelId channel = ChannelId.random();
        UserId mina = UserId.random();
        UserId joon = UserId.random();
        Booking late = booking(channel, UserId.random(), mina, at(300), 30);
        Booking early = booking(channel, UserId.random(), joon, at(30), 60);
        Booking outside = booking(channel, UserId.random(), mina, at(24 * 60), 30);
        List.of(late, early, outside).forEach(bookingStore()::book);

        assertThat(bookingStore().between(channel, List.of(mina, joon), at(0), at(600))).containsExactly(early, late);
        assertThat(bookingStore().between(channel, List.of(joon), at(0), at(600))).containsExactly(early);
    }
}
