package io.ieum.store.cassandra;

import io.ieum.core.store.SessionStore;
import io.ieum.core.store.contract.SessionStoreContract;

class CassandraSessionStoreTest extends CassandraStorageTestBase implements SessionStoreContract {

    @Override
    public SessionStore sessionStore() {
        return storage().sessions();
    }
}
