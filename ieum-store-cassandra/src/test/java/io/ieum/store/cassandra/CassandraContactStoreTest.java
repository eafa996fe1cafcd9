package io.ieum.store.cassandra;

import io.ieum.core.store.ContactStore;
import io.ieum.core.store.contract.ContactStoreContract;

class CassandraContactStoreTest extends CassandraStorageTestBase implements ContactStoreContract {

    @Override
    public ContactStore contactStore() {
        return storage().contacts();
    }
}
