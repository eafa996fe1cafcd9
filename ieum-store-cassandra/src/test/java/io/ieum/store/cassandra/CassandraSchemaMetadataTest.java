package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;

import io.ieum.devcluster.Site;

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

    /**
     * A step's tables are created together (ADR 0020): every node must end up with every table under
     * the one ID its coordinator gave it — a table created twice by two coordinators would differ.
     */
    @Test
    void everySiteShouldHoldEveryTableUnderTheSameId() {
        CqlSession session = CASSANDRA.session();
        Collection<Node> nodes = session.getMetadata().getNodes().values();
        Map<String, UUID> first = tableIds(session, nodes.iterator().next());

        assertThat(nodes).hasSize(Site.COUNT);
        assertThat(first.keySet()).contains(CassandraMigrations.TABLE).containsAll(CassandraMigrations.tables());
        for (Node node : nodes) {
            assertThat(tableIds(session, node)).as(node.getDatacenter()).isEqualTo(first);
        }
    }

    /** The keyspace's tables as {@code node} knows them: system_schema is node-local, so the statement is sent to it. */
    private static Map<String, UUID> tableIds(CqlSession session, Node node) {
        Map<String, UUID> ids = new TreeMap<>();
        session.execute(SimpleStatement.newInstance("SELECT table_name, id FROM system_schema.tables WHERE keyspace_name = ?",
                        CassandraClusterExtension.KEYSPACE).setNode(node).setConsistencyLevel(DefaultConsistencyLevel.ONE))
                .forEach(row -> ids.put(row.getString(0), row.getUuid(1)));
        return ids;
    }
}
