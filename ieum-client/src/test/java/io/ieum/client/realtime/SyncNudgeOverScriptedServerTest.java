package io.ieum.client.realtime;

import static io.ieum.client.realtime.NudgingServer.NUDGE;
import static io.ieum.client.realtime.NudgingServer.SEEN;
import static io.ieum.client.realtime.NudgingServer.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The server's {@code {"type":"sync"}} nudge (ADR 0006) over a scripted server: the connection
 * syncs from its cursor on the same socket, delivers what it missed once, folds nudges that come
 * during a sync into one more sync, and ignores frames that only look like a nudge.
 */
class SyncNudgeOverScriptedServerTest {

    private static final String MISSED = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5a";
    private static final String LATER = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

    @RegisterExtension
    final NudgingServer server = new NudgingServer();

    @Test
    void nudgeShouldSyncFromTheCursorOnTheSameSocketAndDeliverTheMissedEntryOnce() throws Exception {
        // The overlap of a real server: the one it has, and the one the bus lost.
        Connection connection = server.connect(List.of(NUDGE), (ctx, sync) -> synced(ctx, List.of(MISSED, SEEN), false));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.delivered.size() == 2);
        assertThat(server.delivered).containsExactly(SEEN, MISSED);
        assertThat(server.syncs).hasSize(1);
        assertThat(server.syncs.get(0).path("since").asText()).isEqualTo(SEEN);
        assertThat(connection.metrics().syncNudges()).isEqualTo(1);
        assertThat(connection.metrics().nudgedSyncs()).isEqualTo(1);
        assertThat(connection.metrics().duplicateEntries()).isEqualTo(1);
        assertThat(connection.metrics().reconnects()).isZero();
        assertThat(server.peers()).hasSize(1);
        connection.close();
    }

    @Test
    void nudgesDuringASyncShouldQueueExactlyOneMoreSync() throws Exception {
        Connection connection = server.connect(List.of(NUDGE), (ctx, sync) -> {
            if (server.syncs.size() == 1) {
                for (int i = 0; i < 5; i++) {
                    ctx.writeAndFlush(new TextWebSocketFrame(NUDGE)); // while the first sync runs
                }
                synced(ctx, List.of(SEEN), true); // a continuation page follows
            } else if (sync.has("after")) {
                synced(ctx, List.of(LATER), false);
            } else {
                synced(ctx, List.of(), false);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.syncs.size() == 3 && server.delivered.contains(LATER));
        // Anything the client wrote before this send reaches the server before it.
        connection.send("r", "after the syncs").get(10, TimeUnit.SECONDS);

        assertThat(server.syncs).extracting(f -> f.has("since") ? "since " + f.path("since").asText() : "after")
                .containsExactly("since " + SEEN, "after", "since " + LATER);
        assertThat(connection.metrics().syncNudges()).isEqualTo(6);
        assertThat(connection.metrics().nudgedSyncs()).isEqualTo(2);
        connection.close();
    }

    @Test
    void framesThatAreNoReadableSyncNudgeShouldBeIgnoredAndExtraFieldsTolerated() throws Exception {
        Connection connection = server.connect(List.of(
                "{\"type\":\"sync\"", // cut short
                "{\"type\":[\"sync\"]}",
                "{\"type\":\"SYNC\"}",
                "[\"sync\"]",
                "{\"type\":\"sync\",\"since\":12,\"why\":{\"a\":[1]}}"),
                (ctx, sync) -> synced(ctx, List.of(SEEN), false));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.syncs.size() == 1);
        connection.send("r", "after the frames").get(10, TimeUnit.SECONDS);

        assertThat(server.syncs).hasSize(1);
        assertThat(server.syncs.get(0).path("since").asText()).isEqualTo(SEEN); // its own cursor, not the frame's
        assertThat(connection.metrics().syncNudges()).isEqualTo(1);
        assertThat(connection.state()).isEqualTo(ConnectionState.READY);
        connection.close();
    }

    @Test
    void aSyncTheServerRefusesShouldBeTriedAgain() throws Exception {
        Connection connection = server.connect(List.of(NUDGE), (ctx, sync) -> {
            if (server.syncs.size() == 1) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"error\",\"ref\":\""
                        + sync.path("ref").asText() + "\",\"error\":\"busy\",\"message\":\"storage busy\"}"));
            } else {
                synced(ctx, List.of(MISSED, SEEN), false);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> server.delivered.contains(MISSED));
        assertThat(server.syncs).hasSize(2);
        assertThat(server.syncs).allSatisfy(f -> assertThat(f.path("since").asText()).isEqualTo(SEEN));
        connection.close();
    }
}
