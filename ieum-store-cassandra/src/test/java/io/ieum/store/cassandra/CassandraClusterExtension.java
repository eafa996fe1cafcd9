package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import io.ieum.core.store.Storage;
import io.ieum.devcluster.CassandraDistribution;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.SharedClusterDir;
import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;

/**
 * A real three-site cluster for the whole test JVM — the shared one of ieum-cluster-tests if
 * there is one ({@link SharedClusterDir}), else its own (started on first use, killed with the JVM) — one
 * keyspace for the whole JVM, and every table truncated before each test: the contract suites
 * reuse constant IDs, so each test must start from empty tables. One keyspace, not one per class:
 * creating the schema (~40 tables, each waiting for schema agreement across three sites) took
 * ~170 s per class on the shared 2-core machine, which made 14 classes ~40 minutes; the truncation
 * already gives every test empty tables.
 *
 * <p>The cluster listens on a free {@code 127.0.N.1-3} (or {@code -Dieum.test.cassandra.prefix}) so
 * it never collides with another cluster, such as the default one on {@code 127.0.0.x}.
 */
public final class CassandraClusterExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(CassandraClusterExtension.class);
    /** Created (with every migration) by the first class's storage; later opens find it current. */
    static final String KEYSPACE = "ieum_tests";
    private static LocalCluster cluster;
    private static Duration startTime = Duration.ZERO;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CassandraClusterExtension.class);

    private final UnaryOperator<CqlSessionBuilder> customizer;
    /** Classes without a customizer share one storage (one driver session), opened by the first of them. */
    private final boolean sharesStorage;
    private CassandraConfig config;
    private Storage storage;

    public CassandraClusterExtension() {
        this(UnaryOperator.identity(), true);
    }

    /** A storage of the class's own, its session built through {@code customizer} (e.g. a request tracker). */
    public CassandraClusterExtension(UnaryOperator<CqlSessionBuilder> customizer) {
        this(customizer, false);
    }

    private CassandraClusterExtension(UnaryOperator<CqlSessionBuilder> customizer, boolean sharesStorage) {
        this.customizer = requireNonNull(customizer, "customizer");
        this.sharesStorage = sharesStorage;
    }

    static synchronized LocalCluster cluster() {
        if (cluster == null) {
            // ieum-cluster-tests: the JVM's one `ieum cluster up` cluster; its holder restarts and stops it.
            cluster = SharedClusterDir.attachCassandra().orElse(null);
            if (cluster != null) {
                log.warn("Attached to the shared test cluster on {}x ({})", cluster.addressing().prefix(), cluster.baseDir());
            }
        }
        if (cluster == null) {
            SiteAddressing addressing = new SiteAddressing(System.getProperty("ieum.test.cassandra.prefix", freePrefix()));
            Path baseDir = tempDir();
            LocalCluster started = LocalCluster.create(baseDir, CassandraDistribution.locate(), addressing, true);
            long t0 = System.nanoTime();
            try {
                started.start();
            } catch (Exception e) {
                started.killAll();
                throw new IllegalStateException("cannot start the test cluster in " + baseDir, e);
            }
            startTime = Duration.ofNanos(System.nanoTime() - t0);
            log.warn("Test cluster up on {}x in {} ms ({})", addressing.prefix(), startTime.toMillis(), baseDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.killAll();
                if (!Boolean.getBoolean("ieum.test.cassandra.keep")) {
                    deleteRecursively(baseDir);
                }
            }, "ieum-test-cluster-kill"));
            cluster = started;
        }
        return cluster;
    }

    /**
     * A {@code 127.0.N.} prefix on which nothing listens: a cluster left over from an earlier run
     * (or another engineer's) must never be mistaken for ours.
     */
    private static String freePrefix() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            String prefix = "127.0." + (20 + random.nextInt(200)) + ".";
            boolean free = Site.all().stream().noneMatch(site -> listens(prefix + site.number(), SiteAddressing.NATIVE_PORT)
                    || listens(prefix + site.number(), SiteAddressing.STORAGE_PORT));
            if (free) {
                return prefix;
            }
        }
        throw new IllegalStateException("no free 127.0.N. prefix for the test cluster");
    }

    private static boolean listens(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Duration startTime() {
        return startTime;
    }

    /** A config for a client at {@code site}, on this class's keyspace. */
    public CassandraConfig configAt(Site site) {
        SiteAddressing addressing = cluster().addressing();
        return config.withLocalDatacenter(site.datacenter(),
                List.of(addressing.host(site) + ":" + SiteAddressing.NATIVE_PORT));
    }

    /** A second (or third) server's storage, at another site, on the same keyspace. Close it. */
    public Storage openAt(Site site) {
        return CassandraStorage.open(configAt(site), customizer);
    }

    public Storage storage() {
        return storage;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalCluster running = cluster();
        Site site = Site.seed();
        config = new CassandraConfig(List.of(running.addressing().host(site) + ":" + SiteAddressing.NATIVE_PORT),
                site.datacenter(), KEYSPACE, Map.of("dc1", 1, "dc2", 1, "dc3", 1), REQUEST_TIMEOUT);
        // Opening a storage (a driver session reading the whole schema, ~100 statements prepared on every
        // node) cost ~2.5 s per class; the tables are emptied before each test either way (ADR 0020).
        storage = sharesStorage
                ? context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedStorage.class,
                        key -> new SharedStorage(CassandraStorage.open(config, customizer)), SharedStorage.class).storage()
                : CassandraStorage.open(config, customizer);
    }

    /** The JVM's shared storage, closed with JUnit's root context after the last class. */
    private record SharedStorage(Storage storage) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            storage.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        truncateAll();
    }

    /**
     * Truncates the tables that hold anything: a TRUNCATE costs ~0.3 s here (every node flushes the
     * table first), a look ~2 ms. The looks, then the truncations, all run at once: one after another
     * they took ~1 s before each of the suite's ~130 tests. Nothing else writes meanwhile.
     */
    void truncateAll() {
        CqlSession session = session();
        List<String> tables = CassandraMigrations.tables().stream().map(table -> config.keyspace() + "." + table).toList();
        List<CompletableFuture<Boolean>> looks = tables.stream()
                .map(name -> session.executeAsync(SimpleStatement.newInstance("SELECT * FROM " + name + " LIMIT 1"))
                        .thenApply(rows -> rows.one() != null).toCompletableFuture())
                .toList();
        List<CompletableFuture<?>> truncations = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            if (looks.get(i).join()) {
                // Not idempotent for the driver: a slow TRUNCATE is not sent to a second site as well.
                truncations.add(session.executeAsync(SimpleStatement.newInstance("TRUNCATE " + tables.get(i))
                        .setTimeout(Duration.ofSeconds(60)).setIdempotent(false)).toCompletableFuture());
            }
        }
        CompletableFuture.allOf(truncations.toArray(CompletableFuture[]::new)).join();
    }

    /** The backend's own session. */
    CqlSession session() {
        return ((CassandraHealthProbe) storage.health()).session();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (storage != null && !sharesStorage) {
            storage.close();
        }
    }

    /** Node directories go with the JVM unless -Dieum.test.cassandra.keep=true (for reading node logs). */
    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temp directory is harmless.
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ieum-cstore-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
