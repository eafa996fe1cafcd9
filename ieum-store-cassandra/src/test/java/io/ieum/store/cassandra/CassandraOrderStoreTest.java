package io.ieum.store.cassandra;

import io.ieum.core.store.OrderStore;
import io.ieum.core.store.contract.OrderStoreContract;

class CassandraOrderStoreTest extends CassandraStorageTestBase implements OrderStoreContract {

    @Override
    public OrderStore orderStore() {
        return storage().orders();
    }
}
