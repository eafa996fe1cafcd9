package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ieum.client.ClientOptions;
import io.ieum.client.SiteList;
import io.ieum.client.model.Ack;
import io.ieum.client.model.EntryView;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** The connection over a scripted server: garbage is skipped, duplicates dropped, a refused token ends it. */
class ConnectionOverScriptedServerTest {

    private static final String ID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    private final NettyTransport transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        transport.close();
        timer.shutdownNow();
    }

    @Test
    void garbageFramesShouldBeSkippedAndTheRealOnesStillHandled() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            if (text.contains("\"auth\"")) {
                ctx.write(new TextWebSocketFrame("not json at all"));
                ctx.write(new TextWebSocketFrame("{\"type\":\"entry\",\"entry\":{\"id\":"));
                ctx.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
                ctx.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xfe})));
                ctx.writeAndFlush(ready());
                entry(ctx);
                entry(ctx);
            }
        })) {
            List<String> ids = new CopyOnWriteArrayList<>();
            List<String> rawIds = new CopyOnWriteArrayList<>();
            Connection connection = connect(server, new ConnectionListener() {
                @Override
                public void onEntry(EntryView entry) {
                    ids.add(entry.id());
                }

                @Override
                public void onEntryId(String entryId, boolean duplicate) {
                    rawIds.add(entryId + (duplicate ? " again" : ""));
                }
            });

            connection.ready().get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> rawIds.size() == 2);
            assertThat(ids).containsExactly(ID);
            assertThat(rawIds).containsExactly(ID, ID + " again");
            assertThat(connection.highestSeen()).isEqualTo(ID);
            assertThat(connection.metrics().duplicateEntries()).isEqualTo(1);
            connection.close();
        }
    }

    @Test
    void listenerWithoutViewsShouldStillDeduplicateAndAdvanceTheCursor() throws Exception {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            if (text.contains("\"auth\"")) {
                ctx.writeAndFlush(ready());
                entry(ctx);
                entry(ctx);
            }
        })) {
            List<String> rawIds = new CopyOnWriteArrayList<>();
            Connection connection = connect(server, new ConnectionListener() {
                @Override
                public void onEntry(EntryView entry) {
                    throw new AssertionError("no views were asked for");
                }

                @Override
                public void onEntryId(String entryId, boolean duplicate) {
                    rawIds.add(entryId + (duplicate ? " again" : ""));
                }

                @Override
                public boolean wantsEntryViews() {
                    return false;
                }
            });

            connection.ready().get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> rawIds.size() == 2);
            assertThat(rawIds).containsExactly(ID, ID + " again");
            assertThat(connection.highestSeen()).isEqualTo(ID);
            connection.close();
        }
    }

    @Test
    void leanListenerShouldDropASyncedRepeatOfAScannedPushAndGetItsAckFromTheScan() throws Exception {
        String later = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            if (text.contains("\"auth\"")) {
                ctx.writeAndFlush(ready());
                // A push (read by the byte scan), then a sync page repeating it (read by the JSON reader).
                entry(ctx);
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"synced\",\"entries\":[{\"id\":\"" + ID
                        + "\",\"text\":\"hi\"},{\"id\":\"" + later + "\",\"text\":\"there\"}],\"hasMore\":false}"));
            } else if (text.contains("\"send\"")) {
                String id = text.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ack\",\"id\":\"" + id
                        + "\",\"roomId\":\"r\",\"status\":\"stored\"}"));
            }
        })) {
            List<String> rawIds = new CopyOnWriteArrayList<>();
            Connection connection = connect(server, new ConnectionListener() {
                @Override
                public void onEntryId(String entryId, boolean duplicate) {
                    rawIds.add(entryId + (duplicate ? " again" : ""));
                }

                @Override
                public boolean wantsEntryViews() {
                    return false;
                }
            });
            connection.ready().get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> rawIds.size() == 3);
            assertThat(rawIds).containsExactly(ID, ID + " again", later);
            assertThat(connection.highestSeen()).isEqualTo(later);
            assertThat(connection.metrics().duplicateEntries()).isEqualTo(1);

            String sent = connection.newMessageId();
            Ack ack = connection.send(sent, "r", "hello \"quoted\"", null, List.of()).get(10, TimeUnit.SECONDS);
            assertThat(ack).isEqualTo(new Ack(sent, "r", "stored"));
            assertThat(connection.pendingSends()).isZero();
            connection.close();
        }
    }

    @Test
    void leanListenerShouldGetCanonicalIdsAsHalvesAndAnyOtherFormAsTheTextReceived() throws Exception {
        String upperAndLater = "0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5C";
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            if (text.contains("\"auth\"")) {
                ctx.writeAndFlush(ready());
                entry(ctx);
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"entry\",\"entry\":{\"id\":\"" + upperAndLater
                        + "\",\"roomId\":\"r\",\"text\":\"hi\"}}"));
                entry(ctx);
            }
        })) {
            List<String> seen = new CopyOnWriteArrayList<>();
            Connection connection = connect(server, new ConnectionListener() {
                @Override
                public void onEntryUuid(long msb, long lsb, boolean duplicate) {
                    seen.add("halves " + new UUID(msb, lsb) + (duplicate ? " again" : ""));
                }

                @Override
                public void onEntryId(String entryId, boolean duplicate) {
                    seen.add("text " + entryId + (duplicate ? " again" : ""));
                }

                @Override
                public boolean wantsEntryViews() {
                    return false;
                }
            });
            connection.ready().get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
            assertThat(seen).containsExactly("halves " + ID, "text " + upperAndLater, "halves " + ID + " again");
            // The higher ID is the cursor, given back in the form it came in.
            assertThat(connection.highestSeen()).isEqualTo(upperAndLater);
            connection.close();
        }
    }

    @Test
    void closeCode4401ShouldEndTheConnectionWithoutRetrying() {
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new CloseWebSocketFrame(4401, "bad token")))) {
            Connection connection = connect(server, ConnectionListener.NONE);

            await().atMost(Duration.ofSeconds(10)).until(() -> connection.ready().isCompletedExceptionally());
            assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(server.peers).hasSize(1);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Connection connect(ScriptedWebSocketServer server, ConnectionListener listener) {
        ClientOptions options = ClientOptions.of(server.siteUri());
        Connection connection = new Connection(transport, new SiteList(List.of(server.siteUri())), options, "token",
                timer, listener, MessageIdClock.system());
        connection.start(null);
        return connection;
    }

    private static TextWebSocketFrame ready() {
        return new TextWebSocketFrame("{\"type\":\"ready\",\"user\":null,\"serverTime\":\"" + Instant.now()
                + "\",\"node\":\"scripted\"}");
    }

    private static void entry(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID
                + "\",\"roomId\":\"r\",\"sender\":\"s\",\"kind\":\"MESSAGE\",\"text\":\"hi\",\"attachments\":[],"
                + "\"deleted\":false,\"createdAt\":\"2026-11-25T23:00:00Z\"}}"));
    }
}
