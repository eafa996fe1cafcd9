package io.ieum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ieum.client.model.UserView;

/** Failover and retry against throwaway JDK HTTP servers: a dead port, a busy site, a healthy one. */
class RestTransportTest {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void callShouldFailOverToTheNextSiteWhenTheFirstRefusesConnections() throws IOException {
        URI healthy = serve(exchange -> reply(exchange, 200, user("mina")));

        try (IeumClient client = IeumClient.create(fastRetries(deadSite(), healthy))) {
            assertThat(client.as("t").me().username()).isEqualTo("mina");
            assertThat(client.sites().current()).isEqualTo(healthy);
        }
    }

    @Test
    void busySiteShouldBeRetriedOnTheNextSiteWithTheSameBody() throws IOException {
        List<String> bodies = new ArrayList<>();
        URI busy = serve(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, 503, "{\"error\":\"busy\",\"message\":\"later\"}");
        });
        URI healthy = serve(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, 201, "{\"status\":\"stored\",\"entry\":null}");
        });

        try (IeumClient client = IeumClient.create(fastRetries(busy, healthy))) {
            String id = client.newMessageId();
            assertThat(client.as("t").sendViaRest(id, "room", "hi", null, List.of()).status()).isEqualTo("stored");
        }

        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1)).contains("\"text\":\"hi\"");
    }

    @Test
    void clientErrorShouldNotBeRetriedAndShouldCarryCodeAndMessage() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        URI site = serve(exchange -> {
            calls.incrementAndGet();
            reply(exchange, 403, "{\"error\":\"not_member\",\"message\":\"roomId: x (expected: a room you are a member of)\"}");
        });

        try (IeumClient client = IeumClient.create(fastRetries(site))) {
            assertThatThrownBy(() -> client.as("t").room("x"))
                    .isInstanceOfSatisfying(IeumClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.error()).isEqualTo("not_member");
                        assertThat(e.getMessage()).isEqualTo("roomId: x (expected: a room you are a member of)");
                    });
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void noReachableSiteShouldFailAsUnreachableAfterTheLastAttempt() throws IOException {
        try (IeumClient client = IeumClient.create(fastRetries(deadSite(), deadSite()))) {
            assertThatThrownBy(() -> client.as("t").me())
                    .isInstanceOfSatisfying(IeumClientException.class,
                            e -> assertThat(e.error()).isEqualTo(IeumClientException.UNREACHABLE));
        }
    }

    private ClientOptions fastRetries(URI... sites) {
        return ClientOptions.builder().servers(List.of(sites))
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), 0))
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    private URI serve(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static URI deadSite() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    private static String user(String name) {
        return Json.write(new UserView("u1", name, name, null, null));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
