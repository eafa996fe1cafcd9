package io.ieum.store.sqlite;

import io.ieum.core.store.SessionStore;
import io.ieum.core.store.contract.SessionStoreContract;

class SqliteSessionStoreTest extends SqliteStorageTestBase implements SessionStoreContract {

    @Override
    public SessionStore sessionStore() {
        return storage.sessions();
    }
}
