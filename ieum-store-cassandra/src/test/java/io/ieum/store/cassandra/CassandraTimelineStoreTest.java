package io.ieum.store.cassandra;

import io.ieum.core.store.TimelineStore;
import io.ieum.core.store.contract.TimelineStoreContract;

class CassandraTimelineStoreTest extends CassandraStorageTestBase implements TimelineStoreContract {

    @Override
    public TimelineStore timelineStore() {
        return storage().timeline();
    }
}
