package io.ieum.cli;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.SharedClusterDir;
import io.ieum.devcluster.Site;

/**
 * The one real three-site cluster of a test JVM: started once with {@code ieum cluster up --sites 3}
 * (Cassandra and Ieum nodes as child processes, on a free {@code 127.0.N.} prefix), brought down
 * with {@code cluster down} when the JVM's tests end ({@link #close}), killed by a shutdown hook if
 * the JVM dies first. Starting a cluster costs ~2 minutes here, so every real-cluster class shares
 * this one; {@link #ensureEverySiteUp} brings back whatever site a previous class killed, so no class
 * depends on another's leftovers (ADR 0015).
 *
 * <p>Its directory is published ({@link SharedClusterDir}): the Cassandra store suite and the
 * dev-cluster test attach to its Cassandra nodes instead of starting their own.
 */
public final class SharedCluster implements AutoCloseable {

    /** Generous for a 2-core machine shared with other builds: a restarted site's node answers within ~1 min idle. */
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(3);
    /** How long a running site may take to report healthy again (e.g. its Cassandra node was just restarted). */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private static SharedCluster current;

    private final Path dir;
    private final String prefix;
    private final CliRun up;
    private final Duration upTime;

    private SharedCluster(Path dir, String prefix, CliRun up, Duration upTime) {
        this.dir = requireNonNull(dir, "dir");
        this.prefix = requireNonNull(prefix, "prefix");
        this.up = requireNonNull(up, "up");
        this.upTime = requireNonNull(upTime, "upTime");
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized SharedCluster get() {
        if (current == null) {
            current = start();
        }
        return current;
    }

    private static SharedCluster start() {
        Path dir = newDir();
        String prefix = FreeClusterPrefix.pick();
        // Registered first: a JVM that dies while `cluster up` still runs must not leave nodes behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> killEveryProcess(dir), "ieum-shared-cluster-kill"));
        long t0 = System.nanoTime();
        CliRun up = CliRun.run("cluster", "up", "--sites", "3", "--dir", dir.toString(), "--address-prefix", prefix);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println(up.out() + up.err());
        System.out.printf("[shared cluster] cluster up on %sx in %.1f s (%s)%n", prefix, took.toMillis() / 1000.0, dir);
        if (up.exitCode() != 0) {
            killEveryProcess(dir);
            throw new IllegalStateException("cluster up failed (exit " + up.exitCode() + "):\n" + up.out() + up.err());
        }
        SharedClusterDir.publish(dir);
        return new SharedCluster(dir, prefix, up, took);
    }

    public Path dir() { return dir; }
    public String prefix() { return prefix; }
    /** What the shared {@code cluster up} printed, and its exit code. */
    CliRun up() { return up; }
    public Duration upTime() { return upTime; }

    public IeumSites ieum() {
        return IeumSites.attach(dir).orElseThrow(() -> new IllegalStateException("no Ieum sites in " + dir));
    }

    public LocalCluster cassandra() {
        return LocalCluster.attach(dir.resolve("cassandra"));
    }

    /**
     * Makes every site serve again: a site missing a process gets {@code cluster start}, which
     * starts what is missing (a Cassandra node is caught up before its site's Ieum node starts; an
     * Ieum node that kept running reconnects by itself); a site still unhealthy after
     * {@link #SETTLE_TIMEOUT} is killed whole ({@code cluster kill}) and started again. Sites are
     * started together, since a starting node waits until every site sees every node up.
     */
    public void ensureEverySiteUp() {
        ensureSitesUp(Set.of());
    }

    /** As {@link #ensureEverySiteUp}, but {@code asFound} (dead or alive) is neither started nor waited for. */
    public synchronized void ensureSitesUp(Set<Site> asFound) {
        List<Site> needed = Site.all().stream().filter(site -> !asFound.contains(site)).toList();
        List<Site> broken = needed.stream().filter(site -> !processesAlive(site)).toList();
        if (!broken.isEmpty()) {
            start(broken);
        }
        List<Site> unhealthy = awaitHealthy(needed, SETTLE_TIMEOUT);
        if (!unhealthy.isEmpty()) {
            kill(unhealthy);
            start(unhealthy);
            List<Site> still = awaitHealthy(needed, HEALTHY_TIMEOUT);
            if (!still.isEmpty()) {
                throw new IllegalStateException("sites " + still + " not healthy after a restart; see " + dir);
            }
        }
    }

    private boolean processesAlive(Site site) {
        return cassandra().node(site).process().isPresent() && ieum().process(site).isPresent();
    }

    private boolean healthy(Site site) {
        return processesAlive(site) && cassandra().node(site).servesCql() && ieum().healthy(site);
    }

    /**
     * Waits up to {@code timeout} for every one of {@code sites}; returns those still unhealthy. The ring itself
     * is not asked (a driver session per site, seconds per class): {@code cluster start} already waited
     * until every site sees every node up, and an Ieum node is healthy only with its storage.
     */
    private List<Site> awaitHealthy(List<Site> sites, Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() ->
                    healthyTogether(sites));
            return List.of();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return sites.stream().filter(site -> !healthy(site)).toList();
        }
    }

    /** Every site asked at once: one after another, the check before each class took 0.6–1.5 s. */
    private boolean healthyTogether(List<Site> sites) {
        return sites.stream().map(site -> CompletableFuture.supplyAsync(() -> healthy(site))).toList().stream()
                .allMatch(CompletableFuture::join);
    }

    private void kill(List<Site> sites) {
        for (Site site : sites) {
            CliRun kill = CliRun.run("cluster", "kill", "--site", Integer.toString(site.number()), "--dir", dir.toString());
            if (kill.exitCode() != 0) {
                throw new IllegalStateException("cluster kill --site " + site.number() + ": " + kill.out() + kill.err());
            }
        }
    }

    private void start(List<Site> sites) {
        long t0 = System.nanoTime();
        List<CompletableFuture<CliRun>> starts = new ArrayList<>();
        for (Site site : sites) {
            starts.add(CompletableFuture.supplyAsync(() -> CliRun.run("cluster", "start", "--site",
                    Integer.toString(site.number()), "--dir", dir.toString())));
        }
        for (int i = 0; i < sites.size(); i++) {
            CliRun start = starts.get(i).join();
            System.out.println(start.out() + start.err());
            if (start.exitCode() != 0) {
                throw new IllegalStateException("cluster start --site " + sites.get(i).number() + " failed:\n"
                        + start.out() + start.err());
            }
        }
        System.out.printf("[shared cluster] started %s again in %.1f s%n", sites, (System.nanoTime() - t0) / 1e9);
    }

    /** {@code cluster down} at the end of the JVM's tests, unless a test already brought it down. */
    @Override
    public void close() {
        ClusterCommand.DirOption option = new ClusterCommand.DirOption();
        option.dir = dir;
        if (ClusterCommand.running(option)) {
            CliRun down = CliRun.run("cluster", "down", "--dir", dir.toString());
            System.out.println(down.out() + down.err());
        }
        killEveryProcess(dir);
    }

    /** Last resort (JVM exit): SIGKILL to whatever of the cluster still runs. */
    private static void killEveryProcess(Path dir) {
        try {
            IeumSites.attach(dir).ifPresent(ieum -> Site.all().forEach(site -> ieum.process(site).ifPresent(ProcessHandle::destroyForcibly)));
            if (Files.isDirectory(dir.resolve("cassandra"))) {
                LocalCluster cassandra = LocalCluster.attach(dir.resolve("cassandra"));
                Site.all().forEach(site -> cassandra.node(site).process().ifPresent(ProcessHandle::destroyForcibly));
            }
        } catch (RuntimeException e) {
            // Nothing was started yet (no state file): nothing to kill.
        }
    }

    /** Under target/ so the node logs stay for reading after a failure, and `mvn clean` removes them. */
    private static Path newDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "shared-cluster")), "cluster-")
                    .toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
