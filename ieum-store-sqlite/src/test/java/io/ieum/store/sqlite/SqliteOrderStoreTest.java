package io.ieum.store.sqlite;

import io.ieum.core.store.OrderStore;
import io.ieum.core.store.contract.OrderStoreContract;

class SqliteOrderStoreTest extends SqliteStorageTestBase implements OrderStoreContract {

    @Override
    public OrderStore orderStore() {
        return storage.orders();
    }
}
