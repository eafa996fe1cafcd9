package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which peers this node can reach, as its heartbeats see them. A peer being down is normal in an
 * active-active deployment and never makes this node unhealthy: that peer's clients reconnect to
 * another site and sync.
 */
public final class ClusterMembership {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final List<String> peers;
    private final Clock clock;
    private final Map<String, PeerStatus> status = new ConcurrentHashMap<>();
    private volatile Consumer<String> onDown = peer -> {};

    ClusterMembership(List<String> peers, Clock clock, MeterRegistry meters) {
        this.peers = List.copyOf(requireNonNull(peers, "peers"));
        this.clock = requireNonNull(clock, "clock");
        for (String peer : this.peers) {
            status.put(peer, new PeerStatus(false, clock.instant(), "not connected yet"));
        }
        Gauge.builder(ClusterMetrics.PEERS_UP, this, ClusterMembership::upCount)
                .description("peers this node has a live node-to-node connection to")
                .register(requireNonNull(meters, "meters"));
    }

    /** Every configured peer (except this node itself) by base URL, in configuration order. */
    public Map<String, PeerStatus> view() {
        Map<String, PeerStatus> view = new LinkedHashMap<>();
        for (String peer : peers) {
            PeerStatus s = status.get(peer);
            if (s != null) {
                view.put(peer, s);
            }
        }
        return view;
    }

    public boolean isUp(String peer) {
        PeerStatus s = status.get(peer);
        return s != null && s.up();
    }

    public int upCount() {
        return (int) status.values().stream().filter(PeerStatus::up).count();
    }

    /** One line for {@code /health}: "1/2 peers up: http://a:1 UP, http://b:2 DOWN (connection refused)". */
    public String summary() {
        Map<String, PeerStatus> view = view();
        StringBuilder sb = new StringBuilder().append(upCount()).append('/').append(view.size()).append(" peers up");
        String sep = ": ";
        for (Map.Entry<String, PeerStatus> e : view.entrySet()) {
            sb.append(sep).append(e.getKey()).append(e.getValue().up() ? " UP" : " DOWN (" + e.getValue().detail() + ")");
            sep = ", ";
        }
        return sb.toString();
    }

    /** Called with a peer each time it goes from up to down (never for one that was not up yet). */
    void onDown(Consumer<String> action) {
        this.onDown = requireNonNull(action, "action");
    }

    synchronized void markUp(String peer) {
        PeerStatus before = status.get(peer);
        if (before != null && !before.up()) {
            status.put(peer, new PeerStatus(true, clock.instant(), "connected"));
            log.info("Peer {} is up", peer);
        }
    }

    synchronized void markDown(String peer, String why) {
        PeerStatus before = status.get(peer);
        if (before == null) {
            return;
        }
        if (before.up()) {
            status.put(peer, new PeerStatus(false, clock.instant(), why));
            log.warn("Peer {} is down: {}", peer, why);
            onDown.accept(peer);
        } else if (!before.detail().equals(why)) {
            status.put(peer, new PeerStatus(false, before.since(), why));
        }
    }

    /** The peer turned out to be this node (the same list of peers is given to every node). */
    synchronized void forget(String peer) {
        status.remove(peer);
    }
}
