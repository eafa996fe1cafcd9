package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.model.AppendResult;
import io.ieum.core.store.TimelineStore;
import io.ieum.core.store.contract.TimelineStoreContract;

class CassandraTimelineStoreTest extends CassandraStorageTestBase implements TimelineStoreContract {

    @Override
    public TimelineStore timelineStore() {
        return storage().timeline();
    }

    /** The send path does exactly this for a retried send; the drill found every such retry failing. */
    @Test
    void aContinuationOfAnAppendShouldBeAbleToReadTheStoreSynchronously() throws Exception {
        RoomId room = RoomId.random();
        Entry entry = Entry.message(room, MessageId.generate(), UserId.random(), "hello", null, java.util.List.of());
        timelineStore().append(entry).get(30, TimeUnit.SECONDS);

        var stored = timelineStore().append(entry)
                .thenApply(result -> result == AppendResult.DUPLICATE ? timelineStore().get(room, entry.id()) : null)
                .get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);

        assertThat(stored).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(entry.id()));
    }
}
