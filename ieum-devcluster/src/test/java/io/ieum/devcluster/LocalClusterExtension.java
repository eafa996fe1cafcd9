package io.ieum.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Attaches to the JVM's shared cluster when there is one ({@link SharedClusterDir},
 * ieum-cluster-tests, ADR 0015) and leaves it running. Otherwise it
 * starts one real 3-site cluster per test class in a fresh temp directory and always tears it down:
 * after the class, when the start itself fails half-way, and (through {@link KillOnExit}) when the
 * test JVM dies. The node directories are kept in target/ for post-mortem reading of the logs.
 */
public final class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback {

    static final String ADDRESS_PREFIX_PROPERTY = "ieum.devcluster.addressPrefix";

    private LocalCluster cluster;
    private Duration startTime;
    private boolean attached;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<LocalCluster> shared = SharedClusterDir.attachCassandra();
        if (shared.isPresent()) {
            // Its holder started it (and brings back any site this class kills before the next class).
            cluster = shared.get();
            startTime = Duration.ZERO;
            attached = true;
            return;
        }
        Path baseDir = Files.createTempDirectory(targetDir(), "cluster-");
        cluster = LocalCluster.create(baseDir, CassandraDistribution.locate(), addressing(), true);
        long started = System.nanoTime();
        try {
            cluster.start();
        } catch (Exception e) {
            cluster.killAll();
            throw e;
        }
        startTime = Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null && !attached) {
            try {
                cluster.stop();
            } finally {
                cluster.killAll();
            }
        }
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** Zero when attached to the shared cluster (its start is reported by its holder). */
    public Duration startTime() {
        return startTime;
    }

    /** -Dieum.devcluster.addressPrefix=127.0.20. moves the cluster off 127.0.0.1-3 when another one runs there. */
    private static SiteAddressing addressing() {
        String prefix = System.getProperty(ADDRESS_PREFIX_PROPERTY, "");
        return prefix.isBlank() ? SiteAddressing.DEFAULT : new SiteAddressing(prefix);
    }

    private static Path targetDir() {
        try {
            return Files.createDirectories(Path.of("target", "devcluster"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
