package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.cli.bench.BenchReport;
import io.ieum.client.Json;
import io.ieum.server.IeumServer;
import io.ieum.server.support.TestServers;

/**
 * {@code ieum bench --spread} over two real nodes of one cluster (sharing a SQLite database, as the
 * server's own cluster tests do): each room has members on both nodes, so every message crosses the
 * node-to-node bus to reach some of them, and both nodes take sends.
 */
class BenchAcrossSitesTest {

    private static final String SECRET = "bench-across-sites-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void spreadBenchShouldUseEverySiteAndLoseNothing() throws IOException {
        int portA = freePort();
        int portB = freePort();
        Path data = dir.resolve("data");
        Path report = dir.resolve("bench.json");
        try (IeumServer a = node("site-a", data, portA, portB);
             IeumServer b = node("site-b", data, portB, portA)) {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> a.cluster().membership().upCount() == 1 && b.cluster().membership().upCount() == 1);

            CliRun run = CliRun.run("bench", "--server", url(portA), "--server", url(portB), "--spread",
                    "--users", "20", "--group-size", "5", "--rate", "40", "--duration", "3", "--grace", "20",
                    "--json", report.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(messagesStored(portA)).as("sends accepted by site A").isPositive();
            assertThat(messagesStored(portB)).as("sends accepted by site B").isPositive();
        }
        BenchReport result = Json.read(Files.newInputStream(report), BenchReport.class);
        assertThat(result.acked()).isEqualTo(120);
        assertThat(result.undelivered()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.appDuplicates()).isZero();
        assertThat(result.deliveries()).isEqualTo(120 * 5);
    }

    private static IeumServer node(String name, Path data, int port, int peerPort) {
        return IeumServer.start(TestServers.config().withPort(port).withDataDir(data)
                .withNodeName(name).withCluster(List.of(url(peerPort)), SECRET));
    }

    private static double messagesStored(int port) throws IOException {
        String metrics = new String(URI.create(url(port) + "/metrics").toURL().openStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^ieum_messages_sent_total(?:\\{[^}]*\\})? ([0-9.Ee+]+)$").matcher(metrics);
        assertThat(m.find()).as("ieum_messages_sent_total in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Below the ephemeral range, so no outgoing connection takes it before the node binds it. */
    private static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }
}
