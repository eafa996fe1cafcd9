package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.IeumServer;
import io.ieum.server.config.HttpConfig;
import io.ieum.server.config.ServerConfig;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.TestServers;

/** Servers, users and rooms for the browser tests, set up over REST so each test drives only what it checks. */
final class WebFixture {

    static final String PASSWORD = "correct horse";
    /** The secret the tests' nodes share (node.clusterSecret). */
    static final String CLUSTER_SECRET = "web-fixture-cluster-secret";
    /**
     * Where the tests put their screenshots: target/screenshots, so a test run changes no tracked
     * file; `./mvnw verify -pl ieum-server -am -Dieum.screenshots=../docs/screenshots` refreshes the
     * README's pictures.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("ieum.screenshots", "target/screenshots"));

    private WebFixture() {}

    /**
     * A server that stops at once, as if killed: no grace for requests in flight (what the tests
     * check of a stopping site is that the page moves on, not that a slow request finishes).
     */
    static IeumServer start(Path dataDir, int port, List<String> peers) {
        ServerConfig config = TestServers.config().withPort(port).withDataDir(dataDir)
                .withLimits(TestServers.SMALL).withCluster(peers, CLUSTER_SECRET);
        HttpConfig http = config.http();
        return IeumServer.start(config.withHttp(new HttpConfig(http.host(), port, http.maxRequestBytes(), Duration.ZERO, http.eventLoops())));
    }

    /** The base URL the browser uses (127.0.0.1 is a secure context, so service workers run). */
    static URI base(IeumServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static User user(Client client, String prefix, String displayName) {
        User user = client.newUser(prefix);
        assertThat(client.json("PATCH", "/api/me", user.token(), Map.of("displayName", displayName)).status()).isEqualTo(200);
        return user;
    }

    static String directRoom(Client client, User a, User b) {
        return client.json("POST", "/api/rooms/direct", a.token(), Map.of("username", b.username())).field("id");
    }

    static void send(Client client, User from, String roomId, String text) {
        int status = client.json("POST", "/api/rooms/" + roomId + "/messages", from.token(),
                Map.of("id", Client.newMessageId(), "text", text)).status();
        assertThat(status).isEqualTo(201);
    }

    /** Sends a photo message: the upload, then the message carrying it. */
    static void sendPhoto(Client client, User from, String roomId, Path png, String text) {
        try {
            Reply upload = client.call("POST", "/api/attachments?name=cake.png", from.token(), "image/png",
                    Files.readAllBytes(png), Map.of());
            assertThat(upload.status()).isEqualTo(201);
            int status = client.json("POST", "/api/rooms/" + roomId + "/messages", from.token(),
                    Map.of("id", Client.newMessageId(), "text", text, "attachments", List.of(upload.json()))).status();
            assertThat(status).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts of the room's messages as the server stores them, oldest first. */
    static List<String> storedTexts(Client client, User reader, String roomId) {
        JsonNode entries = client.get("/api/rooms/" + roomId + "/messages?limit=200", reader.token()).json().path("entries");
        List<String> texts = new ArrayList<>();
        entries.forEach(e -> {
            if (e.path("kind").asText().equals("MESSAGE")) {
                texts.add(0, e.path("text").asText());
            }
        });
        return texts;
    }

    /** Waits for Chromium to finish a download (it writes {@code name.crdownload} first, then renames it). */
    static Path downloaded(Path dir, String name) {
        Path file = dir.resolve(name);
        await().atMost(Browser.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.isRegularFile(file) && !Files.exists(dir.resolve(name + ".crdownload")));
        return file;
    }

    static Path textFile(Path dir, String name, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path png(Path dir) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf2c14e));
        g.fillRect(0, 0, 160, 120);
        g.setColor(new Color(0x2f6f5e));
        g.fillOval(30, 20, 100, 80);
        g.dispose();
        Path file = dir.resolve("cake.png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
