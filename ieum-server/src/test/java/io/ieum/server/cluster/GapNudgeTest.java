package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * A node that may have missed a peer's events tells every device connected to it to sync: a
 * stand-in peer sends events with skipped sequence numbers, restarts, and goes away; a frozen
 * peer stops answering heartbeats. Each signal is counted by reason.
 */
class GapNudgeTest {

    /** Short: a round after the link's own waits SPACING_IN_WINDOWS windows (ADR 0006). */
    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String GAPS = "ieum_cluster_gaps_total";
    private static final String SENT = "ieum_realtime_sync_nudges_total";
    private static final String COALESCED = "ieum_realtime_sync_nudges_coalesced_total";
    private static final String WAITING = "ieum_realtime_sync_nudges_waiting";

    private final List<AutoCloseable> open = new ArrayList<>();
    private IeumServer node;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void skippedSequenceNumberShouldNudgeEveryDeviceButConsecutiveOnesNot() throws Exception {
        node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), 0, List.of(), WINDOW);
        User mina = rest().newUser("mina");
        User joon = rest().newUser("joon");
        LiveSocket minaSocket = keep(LiveSocket.open(node, mina.token()));
        LiveSocket joonSocket = keep(LiveSocket.open(node, joon.token()));
        FakePeer peer = keep(FakePeer.connect(node, "node-x/01"));
        // The link opening is itself a signal: what node-x published before it was dropped for us.
        awaitCount(GAPS, "link_opened", 1);
        awaitSyncFrames(minaSocket, 1);
        awaitSyncFrames(joonSocket, 1);

        minaSocket.awaitEntry(peer.sendEntry("node-x/01", 1, mina.id()));
        minaSocket.awaitEntry(peer.sendEntry("node-x/01", 2, mina.id()));
        assertThat(ClusterNodes.counter(node, GAPS, "sequence")).isZero();

        String third = peer.sendEntry("node-x/01", 4, mina.id()); // 3 never came
        minaSocket.awaitEntry(third);
        awaitCount(GAPS, "sequence", 1);
        // joon was no recipient of any of these events, yet he may have missed number 3: both sync.
        awaitSyncFrames(minaSocket, 2);
        awaitSyncFrames(joonSocket, 2);
        assertThat(minaSocket.all("sync")).allSatisfy(f -> assertThat(f.toString()).isEqualTo("{\"type\":\"sync\"}"));
    }

    @Test
    void manySignalsWithinTheWindowShouldFoldIntoAboutOneSyncFramePerDevice() throws Exception {
        // The burst's round is held until SPACING_IN_WINDOWS windows (10 s) after the link's round began,
        // which ended at most one window (2 s) after it: the burst has about 8 s, more than the window
        // itself, to fall inside that one round even on a loaded machine.
        Duration window = Duration.ofSeconds(2);
        node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), 0, List.of(), window);
        User mina = rest().newUser("mina");
        User joon = rest().newUser("joon");
        LiveSocket minaSocket = keep(LiveSocket.open(node, mina.token()));
        LiveSocket joonSocket = keep(LiveSocket.open(node, joon.token()));
        FakePeer peer = keep(FakePeer.connect(node, "node-x/01"));
        awaitSyncFrames(minaSocket, 1);
        awaitSyncFrames(joonSocket, 1);
        Awaitility.await().atMost(WAIT).until(() -> ClusterNodes.counter(node, WAITING, null) == 0);
        peer.sendNothing("node-x/01", 1);
        double sentBefore = ClusterNodes.counter(node, SENT, null);
        double coalescedBefore = ClusterNodes.counter(node, COALESCED, null);

        int signals = 40;
        long started = System.nanoTime();
        for (int i = 1; i < signals; i++) {
            peer.sendNothing("node-x/01", 1 + 2L * i); // every other number missing
        }
        minaSocket.awaitEntry(peer.sendEntry("node-x/01", 1 + 2L * signals, mina.id()));
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        awaitCount(GAPS, "sequence", signals); // counted once acted on
        // Rounds over: the burst's round starts no sooner than the spacing after the link's own.
        Duration roundsOver = WAIT.plus(window.multipliedBy(io.ieum.server.realtime.SyncNudges.SPACING_IN_WINDOWS));
        Awaitility.await().atMost(roundsOver).until(() -> ClusterNodes.counter(node, WAITING, null) == 0);

        int minaFrames = minaSocket.all("sync").size() - 1;
        int joonFrames = joonSocket.all("sync").size() - 1;
        double coalesced = ClusterNodes.counter(node, COALESCED, null) - coalescedBefore;
        System.out.println("[cluster] " + signals + " gap signals in " + burstMillis + " ms, window " + window.toMillis()
                + " ms: sync frames to mina " + minaFrames + ", to joon " + joonFrames
                + "; signals folded into a running round " + (long) coalesced);
        // One each; two if a device's random moment fell inside the burst itself (a frame must follow every signal).
        assertThat(minaFrames).isBetween(1, 2);
        assertThat(joonFrames).isBetween(1, 2);
        assertThat(ClusterNodes.counter(node, SENT, null) - sentBefore).isEqualTo(minaFrames + joonFrames);
        assertThat(coalesced).isGreaterThanOrEqualTo(signals - 3);
    }

    @Test
    void restartedPeerAndClosedLinkShouldEachNudgeTheDevices() throws Exception {
        node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), 0, List.of(), Duration.ZERO);
        User mina = rest().newUser("mina");
        LiveSocket minaSocket = keep(LiveSocket.open(node, mina.token()));
        FakePeer before = FakePeer.connect(node, "node-x/01");
        awaitSyncFrames(minaSocket, 1);
        minaSocket.awaitEntry(before.sendEntry("node-x/01", 7, mina.id()));

        before.close();
        awaitCount(GAPS, "link_closed", 1);
        awaitSyncFrames(minaSocket, 2);

        FakePeer after = keep(FakePeer.connect(node, "node-x/02")); // same name, new boot
        awaitSyncFrames(minaSocket, 3);
        minaSocket.awaitEntry(after.sendEntry("node-x/02", 1, mina.id()));
        awaitCount(GAPS, "restart", 1);
        awaitSyncFrames(minaSocket, 4);
    }

    @Test
    void peerFoundDownByHeartbeatsShouldNudgeTheDevices() throws Exception {
        FrozenPeer frozen = keep(FrozenPeer.start());
        node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), 0, List.of(frozen.port()), Duration.ZERO);
        ClusterNodes.awaitPeersUp(node);
        User mina = rest().newUser("mina");
        LiveSocket minaSocket = keep(LiveSocket.open(node, mina.token()));
        assertThat(ClusterNodes.counter(node, GAPS, "peer_down")).isZero();

        frozen.freeze(); // its last events, if any, may never come
        awaitCount(GAPS, "peer_down", 1);
        awaitSyncFrames(minaSocket, 1);
    }

    private Client rest() {
        return new Client(URI.create(ClusterNodes.url(node.port())));
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private void awaitCount(String name, String reason, double expected) {
        Awaitility.await().atMost(WAIT).until(() -> ClusterNodes.counter(node, name, reason) == expected);
    }

    private static void awaitSyncFrames(LiveSocket socket, int count) {
        Awaitility.await().atMost(WAIT).until(() -> socket.all("sync").size() >= count);
        assertThat(socket.all("sync")).hasSize(count);
    }
}
