package io.ieum.devcluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which sites look up from one site: a driver session that enters the cluster through that site's
 * node learns the ring from its gossip-fed system.peers, then connects to every node it lists.
 */
final class PeerView {

    private PeerView() {}

    /** Empty when the site's node itself cannot be reached. */
    static Optional<Map<Site, NodeState>> from(SiteAddressing addressing, Site observer) {
        try (CqlSession session = DriverSessions.connectWithoutSchema(addressing, observer)) {
            return Optional.of(statesOf(session, addressing));
        } catch (RuntimeException unreachable) {
            return Optional.empty();
        }
    }

    static Map<Site, NodeState> statesOf(CqlSession session, SiteAddressing addressing) {
        Map<Site, NodeState> states = new TreeMap<>(Comparator.comparingInt(Site::number));
        for (Node node : session.getMetadata().getNodes().values()) {
            siteOf(node, addressing).ifPresent(site -> states.put(site, node.getState()));
        }
        return states;
    }

    private static Optional<Site> siteOf(Node node, SiteAddressing addressing) {
        Optional<InetSocketAddress> address = node.getBroadcastRpcAddress();
        return Site.all().stream()
                .filter(site -> address.map(a -> a.getAddress().getHostAddress().equals(addressing.host(site)))
                        .orElse(false))
                .findFirst();
    }
}
