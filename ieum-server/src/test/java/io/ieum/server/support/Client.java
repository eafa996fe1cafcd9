package io.ieum.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ieum.core.id.Ids;

/** Calls a running server over real sockets, the way an app would. */
public final class Client {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final URI base;

    public Client(URI base) {
        this.base = base;
    }

    public Reply call(String method, String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply json(String method, String path, String token, Object body) {
        return json(method, path, token, body, Map.of());
    }

    public Reply json(String method, String path, String token, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? null : body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : write(body);
        return call(method, path, token, body == null ? null : "application/json", bytes, headers);
    }

    public Reply get(String path, String token) {
        return call("GET", path, token, null, null, Map.of());
    }

    public Reply delete(String path, String token) {
        return call("DELETE", path, token, null, null, Map.of());
    }

    /** Signs up a fresh user and logs in; usernames are unique per JVM. */
    public User newUser(String prefix) {
        String username = prefix + "-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid() % 1000;
        Reply created = json("POST", "/api/accounts", null, Map.of("username", username, "password", "correct horse",
                "displayName", prefix.substring(0, 1).toUpperCase() + prefix.substring(1)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Reply login = json("POST", "/api/sessions", null, Map.of("username", username, "password", "correct horse",
                "deviceName", "phone"));
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        return new User(created.field("id"), username, login.field("token"), login.json().path("session").path("id").asText());
    }

    public static String newMessageId() {
        return Ids.newTimeOrdered().toString();
    }

    private static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record User(String id, String username, String token, String sessionId) {}
}
