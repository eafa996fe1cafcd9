package io.ieum.store.sqlite;

import io.ieum.core.store.BookingStore;
import io.ieum.core.store.contract.BookingStoreContract;

class SqliteBookingStoreTest extends SqliteStorageTestBase implements BookingStoreContract {

    @Override
    public BookingStore bookingStore() {
        return storage.bookings();
    }
}
