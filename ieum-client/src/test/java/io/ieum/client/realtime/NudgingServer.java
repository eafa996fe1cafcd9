package io.ieum.client.realtime;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.client.ClientOptions;
import io.ieum.client.Json;
import io.ieum.client.SiteList;
import io.ieum.client.model.EntryView;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The scripted server of the {@code sync} nudge tests, and a connection to it: after auth it sends
 * {@code ready}, the entry {@link #SEEN} and the frames a test gives; it acknowledges every send, and
 * records every {@code sync} before the test's script answers it. Stopped after each test.
 */
final class NudgingServer implements AfterEachCallback {

    static final String SEEN = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    static final String NUDGE = "{\"type\":\"sync\"}";

    /** How a test answers a {@code sync} frame (already in {@link #syncs}). */
    @FunctionalInterface
    interface SyncAnswer {
        void answer(ChannelHandlerContext ctx, JsonNode sync);
    }

    /** The sync frames the client sent, in order. */
    final List<JsonNode> syncs = new CopyOnWriteArrayList<>();
    /** The entries the listener got, in order. */
    final List<String> delivered = new CopyOnWriteArrayList<>();
    private final NettyTransport transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ScriptedWebSocketServer server;

    /** Starts the server, then a connection from no cursor; {@code afterReady} follows the entry {@link #SEEN}. */
    Connection connect(List<String> afterReady, SyncAnswer onSync) throws InterruptedException {
        server = new ScriptedWebSocketServer((ctx, text) -> {
            JsonNode frame = parse(text);
            switch (frame.path("type").asText()) {
                case "auth" -> {
                    ctx.writeAndFlush(ready());
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"entry\",\"entry\":" + entryJson(SEEN) + "}"));
                    afterReady.forEach(f -> ctx.writeAndFlush(new TextWebSocketFrame(f)));
                }
                case "sync" -> {
                    syncs.add(frame);
                    onSync.answer(ctx, frame);
                }
                case "send" -> ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ack\",\"id\":\""
                        + frame.path("id").asText() + "\",\"roomId\":\"r\",\"status\":\"stored\"}"));
                default -> { }
            }
        });
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

    /** The sockets the server accepted. */
    List<?> peers() {
        return server.peers;
    }

    /** Answers a sync with one page of {@code ids}, its cursor the last of them. */
    static void synced(ChannelHandlerContext ctx, List<String> ids, boolean hasMore) {
        String entries = String.join(",", ids.stream().map(NudgingServer::entryJson).toList());
        String cursor = ids.isEmpty() ? "null" : "\"" + ids.get(ids.size() - 1) + "\"";
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"synced\",\"ref\":\"sync\",\"entries\":[" + entries
                + "],\"cursor\":" + cursor + ",\"hasMore\":" + hasMore + "}"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        transport.close();
        timer.shutdownNow();
    }

    private static JsonNode parse(String text) {
        try {
            return Json.tree(text);
        } catch (JsonProcessingException e) {
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
}
