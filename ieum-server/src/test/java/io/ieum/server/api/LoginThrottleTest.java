package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

class LoginThrottleTest {

    @TempDir
    static Path dataDir;
    static IeumServer server;
    static Client client;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, TestServers.SMALL);
        client = new Client(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginShouldBeThrottledAfterFiveFailuresWithRetryAfter() {
        User mina = client.newUser("mina");
        Map<String, String> wrong = Map.of("username", mina.username(), "password", "not the password");
        for (int i = 0; i < 5; i++) {
            Reply failed = client.json("POST", "/api/sessions", null, wrong);
            assertThat(failed.status()).as("attempt " + (i + 1) + ": " + failed).isEqualTo(401);
        }
        Reply throttled = client.json("POST", "/api/sessions", null,
                Map.of("username", mina.username(), "password", "correct horse"));
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.field("error")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(throttled.header("retry-after"))).isPositive();
        assertThat(throttled.field("message")).contains("wait");

        assertThat(client.get("/metrics", null).text()).containsPattern("ieum_login_failures_total(\\{[^}]*\\})? 5\\.0");
    }
}
