package io.ieum.store.cassandra;

import io.ieum.core.store.BookingStore;
import io.ieum.core.store.contract.BookingStoreContract;

class CassandraBookingStoreTest extends CassandraStorageTestBase implements BookingStoreContract {

    @Override
    public BookingStore bookingStore() {
        return storage().bookings();
    }
}
