package io.ieum.store.sqlite;

import io.ieum.core.store.TimelineStore;
import io.ieum.core.store.contract.TimelineStoreContract;

class SqliteTimelineStoreTest extends SqliteStorageTestBase implements TimelineStoreContract {

    @Override
    public TimelineStore timelineStore() {
        return storage.timeline();
    }
}
