package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

/** {@code /internal/events} is for nodes holding the cluster secret, never for clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalEndpointTest {

    private IeumServer node;
    private IeumServer withoutSecret;
    private Client rest;

    @BeforeAll
    void start() throws Exception {
        node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), 0, List.of());
        withoutSecret = TestServers.start(ClusterNodes.tempDir(), TestServers.SMALL);
        rest = new Client(URI.create(ClusterNodes.url(node.port())));
    }

    @AfterAll
    void stop() {
        node.close();
        withoutSecret.close();
    }

    @Test
    void requestWithoutTheSecretShouldBeRefusedWith401() {
        Reply reply = rest.get("/internal/events", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("message").asText()).isEqualTo("internal endpoint (expected: the cluster secret)");
    }

    @Test
    void clientTokenShouldNotOpenTheInternalEndpoint() {
        Client.User mina = rest.newUser("mina");
        assertThat(rest.get("/internal/events", mina.token()).status()).isEqualTo(401);
        assertThat(rest.call("GET", "/internal/events", mina.token(), null, null,
                Map.of("x-ieum-cluster-secret", "a-wrong-guess-of-the-secret")).status()).isEqualTo(401);
    }

    @Test
    void webSocketUpgradeWithoutTheSecretShouldBeRefusedWith401() {
        assertThat(upgradeStatus(node, null)).isEqualTo(401);
        assertThat(upgradeStatus(node, "not-the-cluster-secret")).isEqualTo(401);
        assertThat(upgradeStatus(node, ClusterNodes.SECRET)).isEqualTo(101);
    }

    @Test
    void nodeWithoutASecretShouldRefuseEveryone() {
        assertThat(upgradeStatus(withoutSecret, null)).isEqualTo(401);
        assertThat(upgradeStatus(withoutSecret, ClusterNodes.SECRET)).isEqualTo(401);
    }

    private static int upgradeStatus(IeumServer server, String secret) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", ClusterNodes.url(server.port()));
        if (secret != null) {
            builder.header("x-ieum-cluster-secret", secret);
        }
        try {
            WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/internal/events"),
                    new WebSocket.Listener() {}).join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }
}
