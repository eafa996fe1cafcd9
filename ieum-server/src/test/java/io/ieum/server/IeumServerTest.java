package io.ieum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

class IeumServerTest {

    @TempDir
    Path dataDir;

    @Test
    void startShouldListenOnAnEphemeralPortAndExposeServices() {
        try (IeumServer server = TestServers.start(dataDir, TestServers.SMALL)) {
            assertThat(server.port()).isPositive();
            assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(server.services().limits()).isEqualTo(TestServers.SMALL);
            assertThat(new Client(server.uri()).get("/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void everyAcknowledgedMessageShouldSurviveAGracefulStopAndRestart() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        String room;
        User mina;
        try (IeumServer server = TestServers.start(dataDir, TestServers.SMALL)) {
            Client client = new Client(server.uri());
            mina = client.newUser("mina");
            User joon = client.newUser("joon");
            room = client.json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<Reply>> sends = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String id = Client.newMessageId();
                ids.add(id);
                String text = "m" + i;
                sends.add(senders.submit(() -> client.json("POST", "/api/rooms/" + room + "/messages", mina.token(),
                        Map.of("id", id, "text", text))));
            }
            for (int i = 0; i < sends.size(); i++) {
                if (sends.get(i).get().status() == 201) {
                    acknowledged.add(ids.get(i));
                }
            }
            senders.shutdown();
        }
        assertThat(acknowledged).hasSize(100);
        try (IeumServer restarted = TestServers.start(dataDir, TestServers.SMALL)) {
            Client client = new Client(restarted.uri());
            JsonNode entries = client.get("/api/rooms/" + room + "/messages?limit=200", mina.token()).json().path("entries");
            List<String> stored = new ArrayList<>();
            entries.forEach(e -> stored.add(e.path("id").asText()));
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @Test
    void restSendShouldBePushedOverTheWebSocketAndStopShouldCloseSocketsWithGoingAway() throws Exception {
        IeumServer server = TestServers.start(dataDir, TestServers.SMALL);
        Client client = new Client(server.uri());
        User mina = client.newUser("mina");
        User joon = client.newUser("joon");
        String room = client.json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");

        Frames frames = new Frames();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), frames).join();
        socket.sendText("{\"type\":\"auth\",\"token\":\"" + joon.token() + "\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.text.stream().anyMatch(t -> t.contains("\"ready\"")));

        String id = Client.newMessageId();
        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "실시간"));
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.text.stream().anyMatch(t -> t.contains(id) && t.contains("실시간")));
        assertThat(client.get("/health", null).json().path("components").path("realtime").path("detail").asText())
                .isEqualTo("1 connections");

        server.close();
        assertThat(frames.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1001);
    }

    @Test
    void aClosedServerShouldHaveReleasedItsPortAndClosedItsConnections() throws Exception {
        IeumServer server = TestServers.start(dataDir, TestServers.SMALL);
        int port = server.port();
        Client client = new Client(server.uri());
        User mina = client.newUser("mina");
        Frames frames = new Frames();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), frames).join()
                .sendText("{\"type\":\"auth\",\"token\":\"" + mina.token() + "\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.text.stream().anyMatch(t -> t.contains("\"ready\"")));

        // close() returns before Armeria's acceptor thread ends (OpenChannels), but never before this.
        server.close();
        assertThat(frames.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1001);
        try (java.net.ServerSocket again = new java.net.ServerSocket()) {
            again.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    /** Collects what the server sends on one socket. */
    static final class Frames implements WebSocket.Listener {
        final ConcurrentLinkedQueue<String> text = new ConcurrentLinkedQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                text.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
