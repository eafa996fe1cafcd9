package io.ieum.store.cassandra;

import io.ieum.core.store.AccountStore;
import io.ieum.core.store.contract.AccountStoreContract;

class CassandraAccountStoreTest extends CassandraStorageTestBase implements AccountStoreContract {

    @Override
    public AccountStore accountStore() {
        return storage().accounts();
    }
}
