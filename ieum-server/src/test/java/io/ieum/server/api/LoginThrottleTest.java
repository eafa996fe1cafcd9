package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

class LoginThrottleTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    @Test
    void loginShouldBeThrottledAfterFiveFailuresWithRetryAfter() {
        User mina = shared.client().newUser("mina");
        Map<String, String> wrong = Map.of("username", mina.username(), "password", "not the password");
        for (int i = 0; i < 5; i++) {
            Reply failed = shared.client().json("POST", "/api/sessions", null, wrong);
            assertThat(failed.status()).as("attempt " + (i + 1) + ": " + failed).isEqualTo(401);
        }
        Reply throttled = shared.client().json("POST", "/api/sessions", null,
                Map.of("username", mina.username(), "password", "correct horse"));
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.field("error")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(throttled.header("retry-after"))).isPositive();
        assertThat(throttled.field("message")).contains("wait");

        assertThat(shared.client().get("/metrics", null).text()).containsPattern("ieum_login_failures_total(\\{[^}]*\\})? 5\\.0");
    }
}
