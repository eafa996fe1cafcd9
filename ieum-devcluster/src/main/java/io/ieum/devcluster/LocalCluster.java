package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A real three-site Cassandra cluster on this machine: one node per site, each a child process.
 *
 * <p>{@link #create} for a new cluster, {@link #attach} to control one that another process
 * started in the same base directory. Nodes started with {@code killOnJvmExit} die with this JVM
 * (tests); otherwise they outlive it ({@code ieum cluster up}).
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * Generous: three JVMs warming up on two cores. Measured ~15 s per node on an idle machine, and
     * over 3 minutes for the seed alone while other builds shared the two cores (load average 30).
     */
    public static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(6);
    public static final Duration RING_SETTLE_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The catch-up sweep of a returning site reads the whole (small) dev keyspace at ALL: seconds when
     * idle; the bound is for a machine shared with other builds.
     */
    public static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Set<NodeState> NOT_UP = EnumSet.of(NodeState.DOWN, NodeState.UNKNOWN, NodeState.FORCED_DOWN);

    private final Path baseDir;
    private final SiteAddressing addressing;
    private final CassandraDistribution distribution;
    private final boolean killOnJvmExit;
    private final Map<Site, SiteNode> nodes = new LinkedHashMap<>();

    private LocalCluster(Path baseDir, SiteAddressing addressing, CassandraDistribution distribution, boolean killOnJvmExit) {
        this.baseDir = requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        this.addressing = requireNonNull(addressing, "addressing");
        this.distribution = requireNonNull(distribution, "distribution");
        this.killOnJvmExit = killOnJvmExit;
        for (Site site : Site.all()) {
            nodes.put(site, new SiteNode(site, addressing, NodeDirectories.of(this.baseDir, site), distribution));
        }
    }

    public static LocalCluster create(Path baseDir, CassandraDistribution distribution, SiteAddressing addressing,
                                      boolean killOnJvmExit) {
        return new LocalCluster(baseDir, addressing, distribution, killOnJvmExit);
    }

    /** A cluster created earlier in {@code baseDir}, possibly by another process. */
    public static LocalCluster attach(Path baseDir) {
        ClusterStateFile state = ClusterStateFile.read(baseDir);
        return new LocalCluster(baseDir, state.addressing(), new CassandraDistribution(state.cassandraLib()), false);
    }

    public Path baseDir() { return baseDir; }
    public SiteAddressing addressing() { return addressing; }
    public SiteNode node(Site site) { return nodes.get(requireNonNull(site, "site")); }

    /**
     * Starts the three nodes together (each is a seed, {@link CassandraYaml}; the seed first, then the
     * other two, took 52 s to every site up, together 45–46 s, ADR 0020) and returns once every node
     * serves CQL and every site sees all three up. On failure, whatever was started is killed.
     */
    public void start() throws TimeoutException {
        createBaseDir();
        new ClusterStateFile(addressing, distribution.libDir(), Instant.now()).write(baseDir);
        try {
            startAndAwaitCql(Site.all());
            awaitAllUpFromEverySite();
        } catch (RuntimeException | TimeoutException e) {
            killAll();
            throw e;
        }
    }

    /** {@code kill -9} of one site's node. */
    public void kill(Site site) {
        node(site).kill();
    }

    /**
     * Starts a stopped or killed site's node again, waits until every site sees it up, then catches it
     * up ({@link #catchUp}) so that it holds every write acknowledged while it was away.
     */
    public CatchUpSweep.Result restart(Site site) throws TimeoutException {
        startAndAwaitCql(List.of(site));
        awaitAllUpFromEverySite();
        return catchUp(site);
    }

    /** Reads every user table at ALL through {@code site}'s node, which repairs whatever it missed. */
    public CatchUpSweep.Result catchUp(Site site) throws TimeoutException {
        try (CqlSession session = DriverSessions.connectWithoutSchema(addressing, requireNonNull(site, "site"))) {
            return CatchUpSweep.run(session, CATCH_UP_TIMEOUT);
        }
    }

    public ClusterStatus status() {
        Map<Site, Map<Site, NodeState>> views = viewsFromEverySite();
        return new ClusterStatus(Site.all().stream().map(site -> statusOf(site, views)).toList());
    }

    /**
     * Each site's view of the ring, from every site whose node serves CQL, all asked at once: a driver
     * session each, ~1 s apiece on the loaded machine.
     */
    private Map<Site, Map<Site, NodeState>> viewsFromEverySite() {
        Map<Site, CompletableFuture<Optional<Map<Site, NodeState>>>> asked = new LinkedHashMap<>();
        for (Site observer : Site.all()) {
            asked.put(observer, CompletableFuture.supplyAsync(() -> node(observer).servesCql()
                    ? PeerView.from(addressing, observer) : Optional.empty()));
        }
        Map<Site, Map<Site, NodeState>> views = new LinkedHashMap<>();
        asked.forEach((observer, view) -> view.join().ifPresent(states -> views.put(observer, states)));
        return views;
    }

    /** Graceful stop of all nodes in parallel (SIGTERM, SIGKILL after a grace period). */
    public void stop() {
        CompletableFuture.allOf(nodes.values().stream()
                .map(node -> CompletableFuture.runAsync(() -> node.stop(STOP_GRACE)))
                .toArray(CompletableFuture[]::new)).join();
    }

    public void killAll() {
        nodes.values().forEach(SiteNode::kill);
    }

    @Override
    public void close() {
        stop();
    }

    private NodeStatus statusOf(Site site, Map<Site, Map<Site, NodeState>> views) {
        SiteNode node = node(site);
        Set<Site> seenUpBy = new HashSet<>();
        Set<Site> seenDownBy = new HashSet<>();
        views.forEach((observer, view) -> {
            if (!observer.equals(site)) {
                NodeState state = view.getOrDefault(site, NodeState.UNKNOWN);
                (NOT_UP.contains(state) ? seenDownBy : seenUpBy).add(observer);
            }
        });
        Optional<ProcessHandle> process = node.process();
        return new NodeStatus(site, node.host(),
                process.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty()),
                process.isPresent() && node.servesCql(),
                seenUpBy, seenDownBy, node.residentKib());
    }

    private void startAndAwaitCql(List<Site> sites) throws TimeoutException {
        sites.forEach(site -> node(site).start(killOnJvmExit));
        for (Site site : sites) {
            SiteNode node = node(site);
            Polling.await(site + " serving CQL on " + addressing.cql(site), NODE_START_TIMEOUT, () -> {
                if (node.process().isEmpty()) {
                    throw new IllegalStateException(site + ": exited while starting; see " + node.directories().logFile()
                            + "\n" + NodeLog.tail(node.directories().logFile(), 30));
                }
                return node.servesCql();
            });
        }
    }

    private void awaitAllUpFromEverySite() throws TimeoutException {
        Polling.await("all sites up as seen from every site", RING_SETTLE_TIMEOUT, () -> {
            Map<Site, Map<Site, NodeState>> views = viewsFromEverySite();
            return views.size() == Site.COUNT && views.values().stream().allMatch(
                    states -> states.size() == Site.COUNT && states.values().stream().noneMatch(NOT_UP::contains));
        });
    }

    private void createBaseDir() {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + baseDir, e);
        }
    }
}
