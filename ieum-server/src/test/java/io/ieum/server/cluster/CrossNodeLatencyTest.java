package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * Not a pass/fail benchmark: prints the send-to-push latency of 500 messages sent one at a time over
 * REST on node B, pushed to a socket on node A (cross-node) and to one on node B (same node), on loopback.
 * Asserts only that every message arrived once on each socket.
 */
class CrossNodeLatencyTest {

    private static final int WARM_UP = 100;
    private static final int MESSAGES = 500;

    @Test
    void printCrossNodePushLatency() throws Exception {
        Path dataDir = ClusterNodes.tempDir();
        int portA = ClusterNodes.freePort();
        int portB = ClusterNodes.freePort();
        try (IeumServer a = ClusterNodes.start("node-a", dataDir, portA, List.of(portB));
             IeumServer b = ClusterNodes.start("node-b", dataDir, portB, List.of(portA))) {
            ClusterNodes.awaitPeersUp(a, b);
            Client restB = new Client(URI.create(ClusterNodes.url(portB)));
            User mina = restB.newUser("mina");
            User joon = restB.newUser("joon");
            var created = restB.json("POST", "/api/rooms", mina.token(), Map.of("name", "bench", "members", List.of(joon.username())));
            String room = created.field("id");

            Map<String, CompletableFuture<Long>> onA = new ConcurrentHashMap<>();
            Map<String, CompletableFuture<Long>> onB = new ConcurrentHashMap<>();
            try (LiveSocket joonOnA = LiveSocket.open(a, joon.token()); LiveSocket joonOnB = LiveSocket.open(b, joon.token())) {
                joonOnA.onFrame(f -> arrived(onA, f));
                joonOnB.onFrame(f -> arrived(onB, f));
                long[] cross = new long[MESSAGES];
                long[] local = new long[MESSAGES];
                for (int i = 0; i < WARM_UP + MESSAGES; i++) {
                    String id = Client.newMessageId();
                    CompletableFuture<Long> atA = onA.computeIfAbsent(id, k -> new CompletableFuture<>());
                    CompletableFuture<Long> atB = onB.computeIfAbsent(id, k -> new CompletableFuture<>());
                    long sent = System.nanoTime();
                    int status = restB.json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "m" + i)).status();
                    assertThat(status).isEqualTo(201);
                    long crossNanos = atA.get(10, TimeUnit.SECONDS) - sent;
                    long localNanos = atB.get(10, TimeUnit.SECONDS) - sent;
                    if (i >= WARM_UP) {
                        cross[i - WARM_UP] = crossNanos;
                        local[i - WARM_UP] = localNanos;
                    }
                }
                System.out.println("[cluster] send on B -> push, " + MESSAGES + " messages one at a time on loopback: cross-node (socket on A) "
                        + summary(cross) + "; same node (socket on B) " + summary(local));
                assertThat(joonOnA.entries().stream().filter(e -> e.path("kind").asText().equals("MESSAGE")).count())
                        .isEqualTo(WARM_UP + MESSAGES);
            }
            System.out.println("[cluster] node B metrics: " + Arrays.stream(new Client(URI.create(ClusterNodes.url(portB)))
                    .get("/metrics", null).text().split("\n")).filter(l -> l.startsWith("ieum_cluster")).toList());
        }
    }

    private static void arrived(Map<String, CompletableFuture<Long>> waiting, com.fasterxml.jackson.databind.JsonNode frame) {
        long now = System.nanoTime();
        if (frame.path("type").asText().equals("entry")) {
            waiting.computeIfAbsent(frame.path("entry").path("id").asText(), k -> new CompletableFuture<>()).complete(now);
        }
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", ms(sorted[sorted.length / 2]),
                ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
