package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;

import io.ieum.core.error.ErrorCode;
import io.ieum.server.error.ErrorMessages;

/** {@code /ws} on plain Netty and everything else on Armeria share one port (ADR 0007). */
class PortSharingTest {

    @TempDir
    static Path dataDir;

    private static RealtimeFixture fixture;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startServer() {
        fixture = new RealtimeFixture(dataDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hello", "/wsx", "/ws/other", "/w", "/"})
    void otherPathsShouldStillBeServedByArmeriaOverHttp1(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(http(path)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("armeria h1c " + path);
    }

    @Test
    void aPostToWsShouldStillBeServedByArmeria() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(http("/ws")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("armeria h1c /ws");
    }

    @Test
    void h2cWithPriorKnowledgeShouldStillBeServedByArmeria() {
        AggregatedHttpResponse response = WebClient.of("h2c://127.0.0.1:" + fixture.port()).get("/wsx").aggregate().join();

        assertThat(response.contentUtf8()).isEqualTo("armeria h2c /wsx");
    }

    @Test
    void severalRequestsOnOneKeptAliveConnectionShouldAllBeServed() {
        WebClient client = WebClient.of("h1c://127.0.0.1:" + fixture.port());

        for (String path : new String[] {"/a", "/ws/b", "/c"}) {
            assertThat(client.get(path).aggregate().join().contentUtf8()).isEqualTo("armeria h1c " + path);
        }
    }

    @Test
    void aGetOfWsWithoutUpgradeShouldBeRefusedWith400AndAJsonErrorInTheClientsLanguage() throws Exception {
        // A new connection: the upgrade must be its first request (as browsers and the JDK client do it).
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = fresh.send(HttpRequest.newBuilder(http("/ws")).header("Accept-Language", "ko").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("bad_request");
        assertThat(body.path("message").asText())
                .isEqualTo(new ErrorMessages().text(ErrorCode.BAD_REQUEST, Locale.KOREAN) + ": Upgrade: missing (expected: websocket)");
    }

    @Test
    void anotherWebSocketVersionShouldBeRefusedWith426NamingVersion13() throws IOException {
        String response = rawRequest("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 426 Upgrade Required\r\n");
        assertThat(response.toLowerCase(Locale.ROOT)).contains("sec-websocket-version: 13\r\n");
        assertThat(response).contains("\"message\":\"Bad request: Sec-WebSocket-Version: '8' (expected: 13)\"");
    }

    @Test
    void aHandshakeWithoutKeyShouldBeRefusedWith400() throws IOException {
        String response = rawRequest("GET /ws?x=1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n");
        assertThat(response).contains("Sec-WebSocket-Key: missing");
    }

    @Test
    void aWebSocketAndPlainHttpShouldWorkSideBySide() throws Exception {
        try (WsTestClient client = WsTestClient.connect(fixture.uri())) {
            client.send("{\"type\":\"ping\"}");
            assertThat(client.awaitClose().code()).isEqualTo(4400); // the protocol answered: a frame before auth
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(http("/after")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("armeria h1c /after");
    }

    private static URI http(String path) {
        return URI.create("http://127.0.0.1:" + fixture.port() + path);
    }

    /** Sends {@code request} as is and reads until the server closes the connection. */
    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.port())) {
            socket.setSoTimeout((int) WsTestClient.TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
