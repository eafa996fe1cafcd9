package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;

/**
 * The migrations switch the driver's schema metadata off while they run (ADR 0017); an opened
 * storage's session must have it back on and current, since token-aware routing is computed from it.
 */
@Tag("cassandra")
class CassandraSchemaMetadataTest {

    @RegisterExtension
    static final CassandraClusterExtension CASSANDRA = new CassandraClusterExtension();

    @Test
    void anOpenedStorageShouldHaveSchemaMetadataOnAndHoldingEveryTableWithItsOptions() {
        CqlSession session = CASSANDRA.session();

        assertThat(session.isSchemaMetadataEnabled()).isTrue();
        KeyspaceMetadata keyspace = session.getMetadata().getKeyspace(CassandraClusterExtension.KEYSPACE).orElseThrow();
        assertThat(keyspace.getTables().keySet()).extracting(name -> name.asInternal())
                .contains(CassandraMigrations.TABLE)
                .containsAll(CassandraMigrations.tables());
        // Created with every step folded (FoldedSteps): the option of step 2, 3 and 4 on every table.
        // (The table default is 99p; Cassandra may spell the percentile its own way, so only its shape is compared.)
        assertThat(CassandraMigrations.tables()).allSatisfy(table -> assertThat(String.valueOf(keyspace.getTable(table)
                .orElseThrow().getOptions().get(CqlIdentifier.fromInternal("speculative_retry"))))
                .as(table).startsWithIgnoringCase("MIN(99").endsWith(",100ms)"));
        // Replicas per key come from the keyspace's replication in that metadata: one per site.
        assertThat(session.getMetadata().getTokenMap().orElseThrow()
                .getReplicas(keyspace.getName(), ByteBuffer.wrap(new byte[] {1, 2, 3}))).hasSize(3);
    }
}
