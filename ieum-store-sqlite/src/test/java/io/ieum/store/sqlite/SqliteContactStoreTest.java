package io.ieum.store.sqlite;

import io.ieum.core.store.ContactStore;
import io.ieum.core.store.contract.ContactStoreContract;

class SqliteContactStoreTest extends SqliteStorageTestBase implements ContactStoreContract {

    @Override
    public ContactStore contactStore() {
        return storage.contacts();
    }
}
