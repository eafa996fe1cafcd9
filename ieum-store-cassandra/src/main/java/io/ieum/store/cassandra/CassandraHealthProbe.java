package io.ieum.store.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;

import io.ieum.core.store.Storage.HealthProbe;
import io.ieum.core.store.Storage.HealthStatus;
import io.ieum.core.store.Storage.StorageNode;

/**
 * Asks the nearest node for its release version and reports, per datacenter, how many nodes the
 * driver sees up. Healthy means: a node answered, a majority of datacenters have a node up (so
 * QUORUM writes can succeed), and this site's own node has caught up since it was last away
 * ({@link RejoinGate}). Never throws.
 */
final class CassandraHealthProbe implements HealthProbe {

    private static final SimpleStatement RELEASE = SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setConsistencyLevel(ConsistencyLevel.ONE)
            .setTimeout(Duration.ofSeconds(2));

    private final CqlSession session;
    private final RejoinGate rejoin;

    CassandraHealthProbe(CqlSession session, RejoinGate rejoin) {
        this.session = session;
        this.rejoin = rejoin;
    }

    /** The backend's session (for tests in this package). */
    CqlSession session() {
        return session;
    }

    @Override
    public HealthStatus check() {
        List<StorageNode> seen = new ArrayList<>();
        try {
            Map<String, int[]> upByDc = new TreeMap<>();
            for (Node node : session.getMetadata().getNodes().values()) {
                int[] counts = upByDc.computeIfAbsent(String.valueOf(node.getDatacenter()), dc -> new int[2]);
                counts[1]++;
                boolean up = node.getState() == NodeState.UP;
                if (up) {
                    counts[0]++;
                }
                seen.add(new StorageNode(address(node), String.valueOf(node.getDatacenter()), up));
            }
            seen.sort(Comparator.comparing(StorageNode::datacenter).thenComparing(StorageNode::address));
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
            if (datacentersUp * 2 <= upByDc.size()) {
                return new HealthStatus(false, detail + " (expected: a majority of datacenters up)", seen);
            }
            Optional<String> behind = rejoin.behind();
            return behind.isEmpty() ? new HealthStatus(true, detail, seen)
                    : new HealthStatus(false, detail + "; catching up: " + behind.get(), seen);
        } catch (RuntimeException e) {
            return new HealthStatus(false, "cassandra: " + e.getClass().getSimpleName() + ": " + e.getMessage(), seen);
        }
    }

    private static String address(Node node) {
        if (node.getBroadcastRpcAddress().isPresent()) {
            InetSocketAddress rpc = node.getBroadcastRpcAddress().get();
            return rpc.getAddress().getHostAddress() + ":" + rpc.getPort();
        }
        return String.valueOf(node.getEndPoint().resolve());
    }
}
