package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.core.service.LoginResult;

/** Tests that need a server of their own: they change its timings or shut it down. */
class WebSocketLifecycleTest {

    @TempDir
    Path dataDir;

    private RealtimeFixture fixture;

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aSocketWithoutAuthShouldBeClosedWith4401AfterTheTimeout() {
        fixture = new RealtimeFixture(dataDir, new RealtimeSettings(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(150), RealtimeSettings.DEFAULTS.maxPendingBytes()));
        try (WsTestClient client = WsTestClient.connect(fixture.uri())) {
            assertThat(client.awaitClose()).isEqualTo(new WsTestClient.Close(4401, "auth: none within 1 s"));
        }
        await().untilAsserted(() -> assertThat(fixture.endpoint.connectionCount()).isZero());
    }

    @Test
    void anIdleSocketShouldOutliveArmeriasHttpIdleTimeout() {
        fixture = new RealtimeFixture(dataDir, RealtimeFixture.TEST, Duration.ofMillis(200));
        LoginResult mina = fixture.user("mina");
        try (WsTestClient minaPhone = WsTestClient.ready(fixture.uri(), mina.token())) {
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(minaPhone.isClosed()).isFalse());

            minaPhone.send("{\"type\":\"ping\",\"ref\":\"still\"}");
            assertThat(minaPhone.await("pong").path("ref").asText()).isEqualTo("still");
        }
    }

    @Test
    void shutdownShouldCloseEverySocketWith1001AndRefuseNewOnes() {
        fixture = new RealtimeFixture(dataDir);
        LoginResult mina = fixture.user("mina");
        LoginResult joon = fixture.user("joon");
        try (WsTestClient minaPhone = WsTestClient.ready(fixture.uri(), mina.token());
             WsTestClient joonPhone = WsTestClient.ready(fixture.uri(), joon.token())) {
            assertThat(fixture.endpoint.connectionCount()).isEqualTo(2);

            fixture.endpoint.shutdown();

            assertThat(minaPhone.awaitClose()).isEqualTo(new WsTestClient.Close(1001, "server shutting down"));
            assertThat(joonPhone.awaitClose().code()).isEqualTo(1001);
            await().untilAsserted(() -> assertThat(fixture.endpoint.connectionCount()).isZero());
            assertThat(fixture.delivery.deviceCount(mina.account().id())).isZero();
            try (WsTestClient late = WsTestClient.connect(fixture.uri())) {
                assertThat(late.awaitClose().code()).isEqualTo(1001);
            }
        }
    }
}
