package io.ieum.store.cassandra;

import io.ieum.core.store.ChannelStore;
import io.ieum.core.store.contract.ChannelStoreContract;

class CassandraChannelStoreTest extends CassandraStorageTestBase implements ChannelStoreContract {

    @Override
    public ChannelStore channelStore() {
        return storage().channels();
    }
}
