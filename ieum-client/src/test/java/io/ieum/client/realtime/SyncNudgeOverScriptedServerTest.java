package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.client.ClientOptions;
import io.ieum.client.Json;
import io.ieum.client.SiteList;
import io.ieum.client.model.EntryView;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The server's {@code {"type":"sync"}} nudge (ADR 0006) over a scripted server: the connection
 * syncs from its cursor on the same socket, delivers what it missed once, folds nudges that come
 * during a sync into one more sync, and ignores frames that only look like a nudge.
 */
class SyncNudgeOverScriptedServerTest {

    private static final String SEEN = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private static final String MISSED = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5a";
    private static final String LATER = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
    private static final String NUDGE = "{\"type\":\"sync\"}";

    private final NettyTransport transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** The sync frames the client sent, in order. */
    private final List<JsonNode> syncs = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        transport.close();
        timer.shutdownNow();
    }

    @Test
    void nudgeShouldSyncFromTheCursorOnTheSameSocketAndDeliverTheMissedEntryOnce() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            JsonNode frame = parse(text);
            switch (frame.path("type").asText()) {
                case "auth" -> {
                    ctx.writeAndFlush(ready());
                    entry(ctx, SEEN);
                    ctx.writeAndFlush(new TextWebSocketFrame(NUDGE));
                }
                case "sync" -> {
                    syncs.add(frame);
                    // The overlap of a real server: the one it has, and the one the bus lost.
                    synced(ctx, List.of(MISSED, SEEN), false);
                }
                default -> { }
            }
        })) {
            Connection connection = connect(server);

            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
            assertThat(delivered).containsExactly(SEEN, MISSED);
            assertThat(syncs).hasSize(1);
            assertThat(syncs.get(0).path("since").asText()).isEqualTo(SEEN);
            assertThat(connection.metrics().syncNudges()).isEqualTo(1);
            assertThat(connection.metrics().nudgedSyncs()).isEqualTo(1);
            assertThat(connection.metrics().duplicateEntries()).isEqualTo(1);
            assertThat(connection.metrics().reconnects()).isZero();
            assertThat(server.peers).hasSize(1);
            connection.close();
        }
    }

    @Test
    void nudgesDuringASyncShouldQueueExactlyOneMoreSync() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            JsonNode frame = parse(text);
            switch (frame.path("type").asText()) {
                case "auth" -> {
                    ctx.writeAndFlush(ready());
                    entry(ctx, SEEN);
                    ctx.writeAndFlush(new TextWebSocketFrame(NUDGE));
                }
                case "sync" -> {
                    syncs.add(frame);
                    if (syncs.size() == 1) {
                        for (int i = 0; i < 5; i++) {
                            ctx.writeAndFlush(new TextWebSocketFrame(NUDGE)); // while the first sync runs
                        }
                        synced(ctx, List.of(SEEN), true); // a continuation page follows
                    } else if (frame.has("after")) {
                        synced(ctx, List.of(LATER), false);
                    } else {
                        synced(ctx, List.of(), false);
                    }
                }
                case "send" -> ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ack\",\"id\":\""
                        + frame.path("id").asText() + "\",\"roomId\":\"r\",\"status\":\"stored\"}"));
                default -> { }
            }
        })) {
            Connection connection = connect(server);
            await().atMost(Duration.ofSeconds(10)).until(() -> syncs.size() == 3 && delivered.contains(LATER));
            // Anything the client wrote before this send reaches the server before it.
            connection.send("r", "after the syncs").get(10, TimeUnit.SECONDS);

            assertThat(syncs).extracting(f -> f.has("since") ? "since " + f.path("since").asText() : "after")
                    .containsExactly("since " + SEEN, "after", "since " + LATER);
            assertThat(connection.metrics().syncNudges()).isEqualTo(6);
            assertThat(connection.metrics().nudgedSyncs()).isEqualTo(2);
            connection.close();
        }
    }

    @Test
    void framesThatAreNoReadableSyncNudgeShouldBeIgnoredAndExtraFieldsTolerated() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            JsonNode frame = parse(text);
            switch (frame.path("type").asText()) {
                case "auth" -> {
                    ctx.writeAndFlush(ready());
                    entry(ctx, SEEN);
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"sync\"")); // cut short
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":[\"sync\"]}"));
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"SYNC\"}"));
                    ctx.writeAndFlush(new TextWebSocketFrame("[\"sync\"]"));
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"sync\",\"since\":12,\"why\":{\"a\":[1]}}"));
                }
                case "sync" -> {
                    syncs.add(frame);
                    synced(ctx, List.of(SEEN), false);
                }
                case "send" -> ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ack\",\"id\":\""
                        + frame.path("id").asText() + "\",\"roomId\":\"r\",\"status\":\"stored\"}"));
                default -> { }
            }
        })) {
            Connection connection = connect(server);
            await().atMost(Duration.ofSeconds(10)).until(() -> syncs.size() == 1);
            connection.send("r", "after the frames").get(10, TimeUnit.SECONDS);

            assertThat(syncs).hasSize(1);
            assertThat(syncs.get(0).path("since").asText()).isEqualTo(SEEN); // its own cursor, not the frame's
            assertThat(connection.metrics().syncNudges()).isEqualTo(1);
            assertThat(connection.state()).isEqualTo(ConnectionState.READY);
            connection.close();
        }
    }

    @Test
    void aSyncTheServerRefusesShouldBeTriedAgain() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            JsonNode frame = parse(text);
            switch (frame.path("type").asText()) {
                case "auth" -> {
                    ctx.writeAndFlush(ready());
                    entry(ctx, SEEN);
                    ctx.writeAndFlush(new TextWebSocketFrame(NUDGE));
                }
                case "sync" -> {
                    syncs.add(frame);
                    if (syncs.size() == 1) {
                        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"error\",\"ref\":\""
                                + frame.path("ref").asText() + "\",\"error\":\"busy\",\"message\":\"storage busy\"}"));
                    } else {
                        synced(ctx, List.of(MISSED, SEEN), false);
                    }
                }
                default -> { }
            }
        })) {
            Connection connection = connect(server);

            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains(MISSED));
            assertThat(syncs).hasSize(2);
            assertThat(syncs).allSatisfy(f -> assertThat(f.path("since").asText()).isEqualTo(SEEN));
            connection.close();
        }
    }

    private Connection connect(ScriptedWebSocketServer server) {
        ClientOptions options = ClientOptions.of(server.siteUri());
        Connection connection = new Connection(transport, new SiteList(List.of(server.siteUri())), options, "token",
                timer, new ConnectionListener() {
                    @Override
                    public void onEntry(EntryView entry) {
                        delivered.add(entry.id());
                    }
                }, MessageIdClock.system());
        connection.start(null);
        return connection;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.tree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the client sent non-JSON: " + text, e);
        }
    }

    private static TextWebSocketFrame ready() {
        return new TextWebSocketFrame("{\"type\":\"ready\",\"user\":null,\"serverTime\":\"" + Instant.now()
                + "\",\"node\":\"scripted\"}");
    }

    private static String entryJson(String id) {
        return "{\"id\":\"" + id + "\",\"roomId\":\"r\",\"sender\":\"s\",\"kind\":\"MESSAGE\",\"text\":\"hi\","
                + "\"attachments\":[],\"deleted\":false,\"createdAt\":\"2026-11-25T23:00:00Z\"}";
    }

    private static void entry(ChannelHandlerContext ctx, String id) {
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"entry\",\"entry\":" + entryJson(id) + "}"));
    }

    private static void synced(ChannelHandlerContext ctx, List<String> ids, boolean hasMore) {
        String entries = String.join(",", ids.stream().map(SyncNudgeOverScriptedServerTest::entryJson).toList());
        String cursor = ids.isEmpty() ? "null" : "\"" + ids.get(ids.size() - 1) + "\"";
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"synced\",\"ref\":\"sync\",\"entries\":[" + entries
                + "],\"cursor\":" + cursor + ",\"hasMore\":" + hasMore + "}"));
    }
}
