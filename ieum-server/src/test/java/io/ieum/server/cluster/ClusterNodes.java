package io.ieum.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import io.ieum.server.IeumServer;
import io.ieum.server.config.ServerConfig;
import io.ieum.server.support.TestServers;

/**
 * Starts nodes of one test cluster on loopback. Without Cassandra, the nodes share one SQLite
 * database: each opens the same data directory (WAL mode, {@code busy_timeout}), as two processes of
 * one deployment would share Cassandra.
 */
final class ClusterNodes {

    static final String SECRET = "test-cluster-secret-0123456789";

    private ClusterNodes() {}

    /**
     * A port free now, chosen below Linux's ephemeral range (32768+) so that it cannot be taken by an
     * outgoing connection before the node binds it — nor fail when a load test on the same machine
     * has used up the ephemeral ports.
     */
    static int freePort() {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException(last);
    }

    /** A fresh data directory under target/ (JUnit's @TempDir is not there yet in @BeforeAll of a per-class test). */
    static Path tempDir() throws IOException {
        Path parent = Path.of("target", "cluster-tests");
        java.nio.file.Files.createDirectories(parent);
        return java.nio.file.Files.createTempDirectory(parent, "data-");
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    static IeumServer start(String name, Path dataDir, int port, List<Integer> peerPorts) {
        return start(name, dataDir, port, peerPorts, ServerConfig.defaults().node().syncNudgeWindow());
    }

    /** @param nudgeWindow over how long this node spreads the sync frames it sends after a possible gap */
    static IeumServer start(String name, Path dataDir, int port, List<Integer> peerPorts, Duration nudgeWindow) {
        ServerConfig config = TestServers.config().withPort(port).withDataDir(dataDir).withLimits(TestServers.SMALL)
                .withNodeName(name)
                .withCluster(peerPorts.stream().map(ClusterNodes::url).toList(), SECRET)
                .withSyncNudgeWindow(nudgeWindow);
        return IeumServer.start(config);
    }

    /** A counter of {@code node} as {@code /metrics} shows it, e.g. {@code ieum_cluster_gaps_total{reason="sequence"}}; 0 if absent. */
    static double counter(IeumServer node, String name, String reason) {
        String text = new io.ieum.server.support.Client(java.net.URI.create(url(node.port()))).get("/metrics", null).text();
        String labels = reason == null ? "(\\{[^}]*\\})?" : "\\{[^}]*reason=\"" + reason + "\"[^}]*\\}";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + labels + " (?<value>[0-9.eE+-]+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group("value")) : 0;
    }

    static void awaitPeersUp(IeumServer... nodes) {
        try {
            awaitAllUp(nodes);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("peers not up: " + java.util.Arrays.stream(nodes).map(n -> n.cluster().membership().summary()).toList(), e);
        }
    }

    private static void awaitAllUp(IeumServer... nodes) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (IeumServer node : nodes) {
                if (node.cluster().membership().upCount() != node.cluster().membership().view().size()) {
                    return false;
                }
            }
            return true;
        });
    }
}
