package io.ieum.store.cassandra;

import io.ieum.core.store.RoomStore;
import io.ieum.core.store.contract.RoomStoreContract;

class CassandraRoomStoreTest extends CassandraStorageTestBase implements RoomStoreContract {

    @Override
    public RoomStore roomStore() {
        return storage().rooms();
    }
}
