package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Reply;

/** The web client's files as the server serves them, and the consistency of the files themselves. */
class WebAssetsTest {

    static final Path STATIC = Path.of("..", "ieum-web", "src", "main", "resources", "io", "ieum", "web", "static");

    @TempDir
    static Path dataDir;
    static IeumServer server;
    static Client client;

    @BeforeAll
    static void start() {
        server = WebFixture.start(dataDir, 0, List.of("http://127.0.0.2:8080/"));
        client = new Client(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/, text/html; charset=utf-8",
            "/index.html, text/html; charset=utf-8",
            "/app.css, text/css; charset=utf-8",
            "/js/app.js, text/javascript; charset=utf-8",
            "/sw.js, text/javascript; charset=utf-8",
            "/manifest.webmanifest, application/manifest+json; charset=utf-8",
            "/icon.svg, image/svg+xml",
    })
    void clientFilesShouldBeServedWithTheirContentTypeAndRevalidated(String path, String type) {
        Reply reply = client.get(path, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).isEqualTo(type);
        assertThat(reply.header("cache-control")).isEqualTo("no-cache");
        assertThat(reply.header("etag")).isNotBlank();
    }

    @Test
    void serviceWorkerShouldBeAllowedTheWholeOrigin() {
        assertThat(client.get("/sw.js", null).header("service-worker-allowed")).isEqualTo("/");
    }

    @Test
    void unchangedFileShouldAnswerNotModified() {
        String etag = client.get("/js/app.js", null).header("etag");
        Reply again = client.call("GET", "/js/app.js", null, null, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
    }

    @ParameterizedTest
    @CsvSource({"/api/nothing-here", "/js/missing.js", "/favicon.ico", "/js/", "/ws/extra"})
    void unknownPathsShouldStayJsonNotFound(String path) {
        Reply reply = client.get(path, null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void apiShouldStillAnswerBesideTheClient() {
        assertThat(client.get("/health", null).status()).isEqualTo(200);
        assertThat(client.get("/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void sitesShouldListThisServerAsReachedThenItsPeers() {
        Reply reply = client.get("/api/sites", null);
        assertThat(reply.status()).isEqualTo(200);
        String self = "http://127.0.0.1:" + server.port();
        assertThat(reply.json().path("self").asText()).isEqualTo(self);
        assertThat(reply.json().path("sites").toString()).isEqualTo("[\"" + self + "\",\"http://127.0.0.2:8080\"]");
    }

    @Test
    void apiShouldAllowCallsFromAClientLoadedFromAnotherSite() {
        Reply preflight = client.call("OPTIONS", "/api/rooms", null, null, null, Map.of(
                "Origin", "http://127.0.0.1:1", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(preflight.header("access-control-allow-headers")).containsIgnoringCase("authorization");
    }

    @Test
    void serviceWorkerShouldCacheEveryFileOfTheClient() throws IOException {
        String sw = Files.readString(STATIC.resolve("sw.js"));
        Set<String> cached = Pattern.compile("'(/[^']*)'").matcher(sw).results().map(m -> m.group(1)).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(STATIC)) {
            Set<String> all = files.filter(Files::isRegularFile).map(p -> "/" + STATIC.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("/sw.js")).collect(Collectors.toSet());
            assertThat(cached).containsAll(all);
        }
    }

    @Test
    void koreanMessagesShouldHaveEveryEnglishKey() throws IOException {
        assertThat(keys("ko.js")).isEqualTo(keys("en.js"));
    }

    private static Set<String> keys(String file) throws IOException {
        Matcher m = Pattern.compile("^\\s*'([a-zA-Z.]+)':", Pattern.MULTILINE).matcher(Files.readString(STATIC.resolve("js/i18n/" + file)));
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
