package io.ieum.store.cassandra;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;

import io.ieum.core.store.Storage.HealthProbe;
import io.ieum.core.store.Storage.HealthStatus;

/**
 * Asks the nearest node for its release version and reports, per datacenter, how many nodes the
 * driver sees up. Healthy means: a node answered, and a majority of datacenters have a node up (so
 * QUORUM writes can succeed). Never throws.
 */
final class CassandraHealthProbe implements HealthProbe {

    private static final SimpleStatement RELEASE = SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setConsistencyLevel(ConsistencyLevel.ONE)
            .setTimeout(Duration.ofSeconds(2));

    private final CqlSession session;

    CassandraHealthProbe(CqlSession session) {
        this.session = session;
    }

    /** The backend's session (for tests in this package). */
    CqlSession session() {
        return session;
    }

    @Override
    public HealthStatus check() {
        try {
            Map<String, int[]> upByDc = new TreeMap<>();
            for (Node node : session.getMetadata().getNodes().values()) {
                int[] counts = upByDc.computeIfAbsent(String.valueOf(node.getDatacenter()), dc -> new int[2]);
                counts[1]++;
                if (node.getState() == NodeState.UP) {
                    counts[0]++;
                }
            }
            StringBuilder nodes = new StringBuilder();
            int datacentersUp = 0;
            for (Map.Entry<String, int[]> dc : upByDc.entrySet()) {
                nodes.append(nodes.isEmpty() ? "" : ", ").append(dc.getKey()).append(' ')
                        .append(dc.getValue()[0]).append('/').append(dc.getValue()[1]).append(" up");
                if (dc.getValue()[0] > 0) {
                    datacentersUp++;
                }
            }
            Row row = session.execute(RELEASE).one();
            String release = row == null ? "?" : row.getString(0);
            String detail = "cassandra " + release + "; " + nodes;
            return datacentersUp * 2 > upByDc.size() ? HealthStatus.ok(detail)
                    : HealthStatus.failing(detail + " (expected: a majority of datacenters up)");
        } catch (RuntimeException e) {
            return HealthStatus.failing("cassandra: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
