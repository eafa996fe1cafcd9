package io.ieum.store.sqlite;

import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.contract.ChannelStoreContract;

class SqliteChannelStoreTest extends SqliteStorageTestBase implements ChannelStoreContract {

    @Override
    public ChannelStore channelStore() {
        return storage.channels();
    }
}
