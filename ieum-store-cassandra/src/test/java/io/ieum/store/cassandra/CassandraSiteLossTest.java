package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;
import io.ieum.core.store.Storage;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.Site;

/**
 * Fault injection on the real cluster (James {@code CassandraMailboxManagerConsistencyTest} spirit):
 * {@code kill -9} of a whole site while writing, then every acknowledged write must be readable at
 * QUORUM from the sites that are left.
 */
class CassandraSiteLossTest extends CassandraStorageTestBase {

    @Test
    void quorumWritesShouldSucceedAndStayReadableWhenTheWritersOwnSiteIsKilled() throws Exception {
        LocalCluster cluster = CassandraClusterExtension.cluster();
        RoomId room = RoomId.random();
        UserId mina = UserId.random();
        List<Entry> acknowledged = new ArrayList<>();
        Site doomed = Site.of(2);
        try (Storage writer = CASSANDRA.openAt(doomed); Storage reader = CASSANDRA.openAt(Site.of(3))) {
            for (int i = 0; i < 50; i++) {
                Entry entry = Entry.message(room, MessageId.generate(), mina, "before " + i, null, List.of());
                assertThat(writer.timeline().append(entry).join()).isEqualTo(AppendResult.STORED);
                acknowledged.add(entry);
            }

            cluster.kill(doomed);
            try {
                // The writer's local site is gone: the driver fails over to dc1/dc3, QUORUM is 2 of 3.
                List<CompletableFuture<AppendResult>> writes = new ArrayList<>();
                List<Entry> during = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    Entry entry = Entry.message(room, MessageId.generate(), mina, "after " + i, null, List.of());
                    during.add(entry);
                    writes.add(writer.timeline().append(entry));
                }
                for (int i = 0; i < writes.size(); i++) {
                    assertThat(writes.get(i).join()).isEqualTo(AppendResult.STORED);
                    acknowledged.add(during.get(i));
                }
                writer.reads().advance(room, mina, during.get(99).id()).join();

                assertThat(reader.timeline().before(room, null, 1000)).containsExactlyInAnyOrderElementsOf(acknowledged);
                assertThat(storage().reads().position(room, mina)).contains(during.get(99).id());
                // It still writes through the other sites, but reports itself not ready so that load balancers
                // prefer those until its own node is back and caught up (ADR 0009, rejoin gate).
                Storage.HealthStatus health = writer.health().check();
                assertThat(health.healthy()).isFalse();
                assertThat(health.detail()).contains("dc2 0/1 up")
                        .contains("catching up: this site's Cassandra node dc2/").endsWith(" is not up");
            } finally {
                cluster.restart(doomed);
            }
        }
        // Back with the revived site as coordinator: QUORUM reads still see everything.
        try (Storage revived = CASSANDRA.openAt(doomed)) {
            assertThat(revived.timeline().before(room, null, 1000)).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }
}
