package io.ieum.store.cassandra;

import static io.ieum.core.store.contract.ChannelFixtures.MONDAY_NINE;
import static io.ieum.core.store.contract.ChannelFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.ieum.core.channel.Booking;
import io.ieum.core.channel.SlotClaim;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.BookingStore;
import io.ieum.core.store.contract.BookingStoreContract;

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
}
