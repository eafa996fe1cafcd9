package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    void anOpenedStorageShouldHaveSchemaMetadataOnAndHoldingEveryTable() {
        CqlSession session = CASSANDRA.session();

        assertThat(session.isSchemaMetadataEnabled()).isTrue();
        KeyspaceMetadata keyspace = session.getMetadata().getKeyspace(CassandraClusterExtension.KEYSPACE).orElseThrow();
        assertThat(keyspace.getTables().keySet()).extracting(name -> name.asInternal())
                .contains(CassandraMigrations.TABLE)
                .containsAll(CassandraMigrations.tables());
        // Replicas per key come from the keyspace's replication in that metadata: one per site.
        assertThat(session.getMetadata().getTokenMap().orElseThrow()
                .getReplicas(keyspace.getName(), ByteBuffer.wrap(new byte[] {1, 2, 3}))).hasSize(3);
    }
}
