package io.ieum.store.sqlite;

import io.ieum.core.store.ReadStore;
import io.ieum.core.store.contract.ReadStoreContract;

class SqliteReadStoreTest extends SqliteStorageTestBase implements ReadStoreContract {

    @Override
    public ReadStore readStore() {
        return storage.reads();
    }
}
