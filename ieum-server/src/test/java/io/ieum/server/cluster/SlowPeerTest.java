package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.service.LiveEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SlowPeerTest {

    @Test
    void slowPeerShouldNeverBlockThePublisherAndItsDropsShouldBeCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClusterMetrics metrics = new ClusterMetrics(meters);
        try (FrozenPeer peer = FrozenPeer.start()) {
            String url = ClusterNodes.url(peer.port());
            ClusterMembership membership = new ClusterMembership(List.of(url), Clock.systemUTC(), meters);
            PeerLink link = new PeerLink(url, ClusterNodes.SECRET, "node-a/01", Duration.ofMillis(500), Duration.ofMillis(1500),
                    100, HttpClient.newHttpClient(), membership, metrics);
            link.start();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> membership.isUp(url));
                peer.stall();
                java.time.Instant stalledAt = java.time.Instant.now();
                AtomicInteger local = new AtomicInteger();
                ClusterEventSink sink = new ClusterEventSink((r, e) -> local.incrementAndGet(), "node-a/01", new ClusterWire(),
                        List.of(link), metrics, new GapSignals(meters));
                UserId mina = UserId.random();
                RoomId room = RoomId.random();
                String text = "x".repeat(1000);

                long started = System.nanoTime();
                for (int i = 0; i < 50_000; i++) {
                    sink.publish(List.of(mina), new LiveEvent.EntryAdded(Entry.message(room, MessageId.generate(), mina, text, null, List.of())));
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.println("[cluster] 50,000 publishes to a stalled peer took " + millis + " ms; dropped (queue full) "
                        + (long) metrics.droppedQueueFull.count() + ", dropped (peer down) " + (long) metrics.droppedPeerDown.count()
                        + ", forwarded " + (long) metrics.forwarded.count());

                assertThat(local.get()).isEqualTo(50_000);
                assertThat(metrics.droppedQueueFull.count()).isPositive();
                assertThat(millis).isLessThan(10_000); // 50 MB never fit the socket buffers: only dropping keeps this short
                // The stalled peer stops answering heartbeats too (it reads nothing): marked down (then it
                // may flap up again, since it still accepts connections, and down after the timeout).
                Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10))
                        .until(() -> membership.view().get(url).since().isAfter(stalledAt));
            } finally {
                link.close();
            }
        }
    }
}
