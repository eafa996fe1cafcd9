package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.HttpService;

import io.ieum.core.id.RoomId;
import io.ieum.core.service.EventSink;
import io.ieum.server.config.NodeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;

/**
 * This node's part of the cluster: the event sink the services publish to, the
 * {@code /internal/events} endpoint peers connect to, one {@link PeerLink} per peer, and the
 * membership view they maintain. Wired in two steps like realtime: {@link #create} before the
 * services exist, {@link #onMembersChanged} once they do.
 */
public final class Cluster implements AutoCloseable {

    /** Events waiting for one peer; beyond this the peer is too slow and events for it are dropped. */
    public static final int QUEUE_CAPACITY = 10_000;

    private final String origin;
    private final ClusterEventSink sink;
    private final InternalEventsService endpoint;
    private final ClusterMembership membership;
    private final List<PeerLink> links;
    private final GapSignals gaps;
    @Nullable
    private final ExecutorService httpExecutor;

    private Cluster(String origin, ClusterEventSink sink, InternalEventsService endpoint, ClusterMembership membership,
                    List<PeerLink> links, GapSignals gaps, @Nullable ExecutorService httpExecutor) {
        this.gaps = gaps;
        this.origin = origin;
        this.sink = sink;
        this.endpoint = endpoint;
        this.membership = membership;
        this.links = links;
        this.httpExecutor = httpExecutor;
    }

    /**
     * Starts dialing every peer of {@code node}. With no peers it forwards nothing, and its endpoint
     * refuses everyone unless a secret is configured.
     *
     * @param local the sockets held by this node
     */
    public static Cluster create(NodeConfig node, String nodeName, EventSink local, MeterRegistry meters, Clock clock) {
        requireNonNull(node, "node");
        requireNonNull(nodeName, "nodeName");
        String origin = nodeName + "/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ClusterWire wire = new ClusterWire();
        ClusterMetrics metrics = new ClusterMetrics(meters);
        ClusterMembership membership = new ClusterMembership(node.peers(), clock, meters);
        GapSignals gaps = new GapSignals(meters);
        membership.onDown(peer -> gaps.signal(GapReason.PEER_DOWN, peer));
        List<PeerLink> links = new ArrayList<>();
        ExecutorService executor = null;
        if (node.clusterSecret() != null && !node.peers().isEmpty()) {
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "ieum-cluster-http-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            HttpClient http = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build();
            for (String peer : node.peers()) {
                links.add(new PeerLink(peer, node.clusterSecret(), origin, node.heartbeatInterval(), node.heartbeatTimeout(),
                        QUEUE_CAPACITY, http, membership, metrics));
            }
        }
        ClusterEventSink sink = new ClusterEventSink(local, origin, wire, links, metrics, gaps);
        InternalEventsService endpoint = new InternalEventsService(node.clusterSecret(), origin, wire, sink::receive,
                new InternalEventsService.Links() {
                    @Override
                    public void opened(String peerOrigin) {
                        gaps.signal(GapReason.LINK_OPENED, peerOrigin);
                    }

                    @Override
                    public void closed(String peerOrigin) {
                        gaps.signal(GapReason.LINK_CLOSED, peerOrigin);
                    }
                });
        links.forEach(PeerLink::start);
        return new Cluster(origin, sink, endpoint, membership, List.copyOf(links), gaps, executor);
    }

    /** Where the services publish: local sockets, then every live peer. */
    public EventSink events() {
        return sink;
    }

    /** Called with a room whose members another node changed; the server drops its cached members. */
    public void onMembersChanged(Consumer<RoomId> action) {
        sink.onMembersChanged(action);
    }

    /**
     * What to do when this node may have missed a peer's events (a skipped sequence number, a
     * restarted or lost peer, a peer link that broke or reopened): the server tells its connected
     * devices to sync (ADR 0006).
     */
    public void onPossibleGap(Runnable action) {
        gaps.onGap(action);
    }

    /**
     * For {@code ServerBuilder.childChannelPipelineCustomizer}: peers' {@code GET} of {@link #PATH}
     * leaves Armeria for a plain Netty WebSocket pipeline, as {@code /ws} does (ADR 0006, 0007).
     */
    public Consumer<ChannelPipeline> pipelineCustomizer() {
        return endpoint.pipelineCustomizer();
    }

    /** To bind at {@link #PATH} in Armeria, for what the pipeline leaves to it: refusals only. */
    public HttpService internalRefusals() {
        return endpoint.refusals();
    }

    public static final String PATH = InternalEventsService.PATH;

    public ClusterMembership membership() {
        return membership;
    }

    /** This node's name and boot ID, as its events carry it. */
    public String origin() {
        return origin;
    }

    public boolean hasPeers() {
        return !links.isEmpty();
    }

    /** Stops dialing and closes the connections to peers (they see this node go down). */
    @Override
    public void close() {
        endpoint.shutdown();
        links.forEach(PeerLink::close);
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
    }
}
