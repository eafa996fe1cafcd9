package io.ieum.server.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ieum.server.IeumServer;

/** A device's live socket on one node: authenticates, keeps every frame it receives with its arrival time. */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile Consumer<JsonNode> onFrame = f -> {};

    private LiveSocket(URI uri) {
        this.socket = HTTP.newWebSocketBuilder().buildAsync(uri, this).join();
    }

    static LiveSocket open(IeumServer node, String token) {
        URI uri = URI.create("ws://127.0.0.1:" + node.port() + "/ws");
        LiveSocket s = new LiveSocket(uri);
        s.socket.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true).join();
        s.await("ready", f -> true);
        return s;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void onFrame(Consumer<JsonNode> action) {
        this.onFrame = action;
    }

    JsonNode await(String type, Predicate<JsonNode> matching) {
        return Awaitility.await().atMost(TIMEOUT).until(() -> first(type, matching), java.util.Objects::nonNull);
    }

    /** The pushed entry with this ID (or about it), waiting for it. */
    JsonNode awaitEntry(String id) {
        return await("entry", f -> f.path("entry").path("id").asText().equals(id)).get("entry");
    }

    JsonNode first(String type, Predicate<JsonNode> matching) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type)).filter(matching).findFirst().orElse(null);
    }

    List<JsonNode> all(String type) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type)).toList();
    }

    List<JsonNode> entries() {
        return all("entry").stream().map(f -> f.get("entry")).toList();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode frame = MAPPER.readTree(partial.toString());
                frames.add(frame);
                onFrame.accept(frame);
            } catch (Exception e) {
                throw new IllegalStateException("server sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
