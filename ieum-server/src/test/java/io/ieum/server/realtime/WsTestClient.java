package io.ieum.server.realtime;



import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test client: connects with the JDK's WebSocket, keeps every text frame it receives, and the close. */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean paused;

    record Close(int code, String reason) {}

    private WsTestClient(URI uri, String acceptLanguage) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        this.socket = builder.buildAsync(uri, this).join();
    }

    static WsTestClient connect(URI uri) {
        return new WsTestClient(uri, null);
    }

    static WsTestClient connect(URI uri, String acceptLanguage) {
        return new WsTestClient(uri, acceptLanguage);
    }

    /** Connects and authenticates, waiting for {@code ready}. */
    static WsTestClient ready(URI uri, String token) {
        WsTestClient client = connect(uri);
        client.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        client.await("ready");
        return client;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one fragment of a text message ({@code last} ends it). */
    void sendPart(String text, boolean last) {
        socket.sendText(text, last).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Waits for the first frame of {@code type} that matches, returning it. */
    JsonNode await(String type, Predicate<JsonNode> matching) {
        return org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> first(type, matching), java.util.Objects::nonNull);
    }

    JsonNode await(String type) {
        return await(type, f -> true);
    }

    JsonNode first(String type, Predicate<JsonNode> matching) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type)).filter(matching).findFirst().orElse(null);
    }

    List<JsonNode> all(String type) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type)).toList();
    }

    /** Entries pushed to this client ({@code entry} frames), in arrival order. */
    List<JsonNode> pushedEntries() {
        return all("entry").stream().map(f -> f.get("entry")).toList();
    }

    Close awaitClose() {
        return org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> closed.getNow(null), java.util.Objects::nonNull);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(MAPPER.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("server sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    /** Stops reading: the server's frames pile up in the socket buffers and then on the server. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Close(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
