package io.ieum.store.cassandra;

import static io.ieum.core.store.contract.ChannelFixtures.MONDAY_NINE;
import static io.ieum.core.store.contract.ChannelFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.id.BookingId;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.contract.BookingStoreContract;
import io.ieum.core.store.contract.Fixtures;

class CassandraBookingStoreTest extends CassandraStorageTestBase implements BookingStoreContract {

    @Override
    public BookingStore bookingStore() {
        return storage().bookings();
    }

    @Test
    void aClaimCutOffBeforeItsBookingRowShouldNameItsHolderAndBeCompletedByItsRetry() {
        Booking half = booking(ChannelId.random(), UserId.random(), UserId.random(), MONDAY_NINE, 30);
        // What a booking leaves when it dies between its slot claim and its row (a site lost, Paxos busy).
        CASSANDRA.session().execute("INSERT INTO " + CassandraClusterExtension.KEYSPACE + ".slots (channel_id, staff_id, start, "
                + "booking_id) VALUES (?, ?, ?, ?)", half.channelId().uuid(), half.staff().uuid(), half.start(), half.id().uuid());

        assertThat(bookingStore().holder(half.channelId(), half.staff(), half.start())).contains(half.id());
        assertThat(bookingStore().get(half.id())).isEmpty();

        assertThat(bookingStore().book(half)).isEqualTo(SlotClaim.BOOKED);

        assertThat(bookingStore().get(half.id())).contains(half);
    }

    @Test
    void myBookingsShouldReadPastIndexRowsWithNoBookingToFillTheirLimit() {
        UserId sora = UserId.random();
        List<Booking> booked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Booking stored = withIdAt(Instant.now().minusSeconds(300 - i * 100), sora);
            assertThat(bookingStore().book(stored)).isEqualTo(SlotClaim.BOOKED);
            booked.add(0, stored);
            // Newer than the booking before it, so a read from the newest meets it first.
            putCustomerRow(withIdAt(Instant.now().minusSeconds(250 - i * 100), sora));
        }

        assertThat(bookingStore().byCustomer(sora, 3)).containsExactlyElementsOf(booked);
        assertThat(bookingStore().byCustomer(sora, 2)).containsExactlyElementsOf(booked.subList(0, 2));
        assertThat(bookingStore().byCustomer(sora, 1)).containsExactly(booked.get(0));
        assertThat(bookingStore().byCustomer(sora, 10)).containsExactlyElementsOf(booked);
    }

    /** A booking of {@code customer} with its own staff member (so no two share a slot) and an ID made at {@code at}. */
    private static Booking withIdAt(Instant at, UserId customer) {
        Booking b = booking(ChannelId.random(), customer, UserId.random(), MONDAY_NINE, 30);
        return new Booking(new BookingId(Fixtures.idAt(at).uuid()), b.channelId(), b.customer(), b.serviceId(), b.staff(),
                b.start(), b.end(), b.slotMinutes(), b.status(), b.reason(), b.version(), b.updatedAt());
    }

    /** The customer's index row of a create cut off before its booking's row. */
    private static void putCustomerRow(Booking booking) {
        CASSANDRA.session().execute("INSERT INTO " + CassandraClusterExtension.KEYSPACE + ".bookings_by_customer (customer, "
                + "booking_id) VALUES (?, ?)", booking.customer().uuid(), booking.id().uuid());
    }
}
