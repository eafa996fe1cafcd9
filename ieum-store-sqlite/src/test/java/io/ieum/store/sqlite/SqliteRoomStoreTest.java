package io.ieum.store.sqlite;

import io.ieum.core.store.RoomStore;
import io.ieum.core.store.contract.RoomStoreContract;

class SqliteRoomStoreTest extends SqliteStorageTestBase implements RoomStoreContract {

    @Override
    public RoomStore roomStore() {
        return storage.rooms();
    }
}
