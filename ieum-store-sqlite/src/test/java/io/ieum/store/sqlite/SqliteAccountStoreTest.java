package io.ieum.store.sqlite;

import io.ieum.core.store.AccountStore;
import io.ieum.core.store.contract.AccountStoreContract;

class SqliteAccountStoreTest extends SqliteStorageTestBase implements AccountStoreContract {

    @Override
    public AccountStore accountStore() {
        return storage.accounts();
    }
}
