package io.ieum.store.cassandra;

import io.ieum.core.store.ReadStore;
import io.ieum.core.store.contract.ReadStoreContract;

class CassandraReadStoreTest extends CassandraStorageTestBase implements ReadStoreContract {

    @Override
    public ReadStore readStore() {
        return storage().reads();
    }
}
