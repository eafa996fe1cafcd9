package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Reply;

class ClusterMembershipTest {

    @Test
    void peerShouldBeSeenDownWithinTwoSecondsOfStoppingAndUpAgainWhenItReturns() throws Exception {
        Path dataDir = ClusterNodes.tempDir();
        int portA = ClusterNodes.freePort();
        int portB = ClusterNodes.freePort();
        String urlB = ClusterNodes.url(portB);
        try (IeumServer a = ClusterNodes.start("node-a", dataDir, portA, List.of(portB))) {
            IeumServer b = ClusterNodes.start("node-b", dataDir, portB, List.of(portA));
            ClusterNodes.awaitPeersUp(a, b);
            assertThat(a.cluster().membership().view().get(urlB).up()).isTrue();

            long stopped = System.nanoTime();
            java.time.Instant stoppedAt = java.time.Instant.now();
            b.close();
            System.out.println("[cluster] closing node B took " + (System.nanoTime() - stopped) / 1_000_000 + " ms");
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !a.cluster().membership().isUp(urlB));
            long downMillis = (System.nanoTime() - stopped) / 1_000_000;
            PeerStatus down = a.cluster().membership().view().get(urlB);
            assertThat(Duration.between(stoppedAt, down.since())).isLessThan(Duration.ofSeconds(2));
            System.out.println("[cluster] peer stopped: close() plus polling took " + downMillis + " ms; node A marked it down "
                    + Duration.between(stoppedAt, down.since()).toMillis() + " ms after close() began (" + down.detail() + ")");

            // A peer being down is not this node's failure.
            Reply health = new Client(URI.create(ClusterNodes.url(portA))).get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("components").path("cluster").path("status").asText()).isEqualTo("UP");
            assertThat(health.json().path("components").path("cluster").path("detail").asText())
                    .startsWith("0/1 peers up: " + urlB + " DOWN");

            long restarted = System.nanoTime();
            try (IeumServer again = ClusterNodes.start("node-b", dataDir, portB, List.of(portA))) {
                Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(5))
                        .until(() -> a.cluster().membership().isUp(urlB));
                System.out.println("[cluster] peer restarted -> seen up after " + (System.nanoTime() - restarted) / 1_000_000
                        + " ms (including its start-up)");
                assertThat(new Client(URI.create(ClusterNodes.url(portA))).get("/metrics", null).text())
                        .contains("ieum_cluster_peers_up 1.0");
            }
        }
    }

    @Test
    void silentPeerShouldBeSeenDownWithinTwoSeconds() throws Exception {
        // A peer whose process is frozen keeps its TCP connection open: only the heartbeat notices.
        int portA = ClusterNodes.freePort();
        try (FrozenPeer frozen = FrozenPeer.start();
             IeumServer a = ClusterNodes.start("node-a", ClusterNodes.tempDir(), portA, List.of(frozen.port()))) {
            String url = ClusterNodes.url(frozen.port());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> a.cluster().membership().isUp(url));
            long since = System.nanoTime();
            frozen.freeze();
            Awaitility.await().atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !a.cluster().membership().isUp(url));
            System.out.println("[cluster] peer frozen -> seen down after " + (System.nanoTime() - since) / 1_000_000 + " ms ("
                    + a.cluster().membership().view().get(url).detail() + ")");
            // It stays down: the link's reconnection attempts find no live peer behind the open port. Two
            // seconds on, the status is still the one it went down with (the same 'since': no up in
            // between), however late a starved machine gets to look.
            java.time.Instant downSince = a.cluster().membership().view().get(url).since();
            Awaitility.await().pollDelay(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(a.cluster().membership().view().get(url))
                            .satisfies(status -> assertThat(status.up()).isFalse())
                            .satisfies(status -> assertThat(status.since()).isEqualTo(downSince)));
        }
    }
}
