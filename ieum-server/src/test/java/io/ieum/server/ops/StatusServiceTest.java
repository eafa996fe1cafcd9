package io.ieum.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.core.store.Storage;
import io.ieum.server.IeumServer;
import io.ieum.server.json.Json;
import io.ieum.server.support.Client;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

/** {@code /status} and {@code /api/status} on SQLite servers, and the page for a three-site view. */
class StatusServiceTest {

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    static IeumServer peer;
    static IeumServer server;
    static Client client;
    static String deadPeer = "http://127.0.0.1:1";
    static final String SECRET = "status-test-cluster-secret";

    @BeforeAll
    static void start() {
        peer = IeumServer.start(TestServers.config().withPort(0).withDataDir(dirB).withNodeName("site2")
                .withCluster(List.of(), SECRET));
        server = IeumServer.start(TestServers.config().withPort(0).withDataDir(dirA).withLimits(TestServers.SMALL)
                .withNodeName("site1").withCluster(List.of(peer.uri().toString(), deadPeer), SECRET));
        client = new Client(server.uri());
        // The link to the live peer is made in the background after start: wait until it is seen.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.get("/api/status", null).json().at("/peers/0/status").asText()).isEqualTo("UP"));
    }

    @AfterAll
    static void stop() {
        server.close();
        peer.close();
    }

    @Test
    void apiStatusShouldShowEmbeddedStorageAndWhichPeersAnswer() {
        Reply reply = client.get("/api/status", null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("node").asText()).isEqualTo("site1");
        assertThat(json.get("site").isNull()).isTrue();
        assertThat(json.get("status").asText()).isEqualTo("UP");
        assertThat(json.at("/storage/backend").asText()).isEqualTo("sqlite");
        assertThat(json.at("/storage/status").asText()).isEqualTo("UP");
        assertThat(json.at("/storage/topology").asText()).isEqualTo("embedded");
        assertThat(json.at("/storage/nodes")).isEmpty();
        assertThat(json.get("peers")).hasSize(2);
        assertThat(json.at("/peers/0/url").asText()).isEqualTo(peer.uri().toString());
        assertThat(json.at("/peers/0/status").asText()).isEqualTo("UP");
        assertThat(json.at("/peers/1/url").asText()).isEqualTo(deadPeer);
        assertThat(json.at("/peers/1/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void statusPageShouldBeHtmlWithoutScriptInTheRequestedLanguage() {
        Reply en = client.call("GET", "/status", null, null, null, Map.of("Accept-Language", "en-US"));
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.header("content-type")).startsWith("text/html");
        assertThat(en.text()).contains("<html lang=\"en\"", "Ieum status", "site1", "sqlite", "Embedded database",
                peer.uri().toString(), deadPeer, "class=\"UP\"", "class=\"DOWN\"").doesNotContain("<script");

        Reply ko = client.call("GET", "/status", null, null, null, Map.of("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5"));
        assertThat(ko.text()).contains("<html lang=\"ko\"", "이음 상태", "다른 사이트", "정상", "중단");
    }

    @Test
    void threeSiteViewShouldListEveryDatacenterAndEscapeText() {
        Storage.HealthProbe probe = () -> new Storage.HealthStatus(true, "cassandra 5.0; dc1 1/1 up, dc2 0/1 up, dc3 1/1 up",
                List.of(new Storage.StorageNode("127.0.0.1:9042", "dc1", true),
                        new Storage.StorageNode("127.0.0.2:9042", "dc2", false),
                        new Storage.StorageNode("127.0.0.3:9042", "dc3", true)));
        StatusService service = new StatusService("site<1>", "dc1", "cassandra", probe, List.of(), new Json(), Clock.systemUTC());
        StatusService.Status status = service.status();
        assertThat(status.storage().topology()).isEqualTo("cluster");
        assertThat(status.storage().datacenters()).extracting(StatusService.DatacenterView::name, StatusService.DatacenterView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dc1", "UP"), org.assertj.core.groups.Tuple.tuple("dc2", "DOWN"),
                        org.assertj.core.groups.Tuple.tuple("dc3", "UP"));
        String html = StatusService.html(status, Locale.ENGLISH);
        assertThat(html).contains("site&lt;1&gt;", "127.0.0.2:9042", "dc3", "No other sites configured").doesNotContain("site<1>");
    }
}
