package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.TestServers;

/** A refused request leaves every stored thing as it was. */
class RejectedRequestTest {

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
    void rejectedRequestsShouldChangeNothing() throws Exception {
        User mina = client.newUser("mina");
        User joon = client.newUser("joon");
        User sora = client.newUser("sora");
        String room = client.json("POST", "/api/rooms", mina.token(),
                Map.of("name", "cake", "members", List.of(joon.username()))).field("id");
        String id = Client.newMessageId();
        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "original"));
        String before = snapshot(mina, room);
        long blobsBefore = blobFiles();

        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "changed"));
        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", Client.newMessageId(), "text", "x".repeat(101)));
        client.json("POST", "/api/rooms/" + room + "/messages", sora.token(), Map.of("id", Client.newMessageId(), "text", "intruder"));
        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(), "{\"id\":\"" + Client.newMessageId() + "\",\"text\":\"hi\",\"x\":1}");
        client.json("POST", "/api/rooms/" + room + "/members", sora.token(), Map.of("usernames", List.of(sora.username())));
        client.delete("/api/rooms/" + room + "/members/" + joon.id(), joon.token());
        client.delete("/api/rooms/" + room + "/messages/" + id, joon.token());
        client.json("PATCH", "/api/me", mina.token(), Map.of("displayName", ""));
        client.json("PATCH", "/api/me", mina.token(), Map.of("avatar", "0".repeat(64)));
        client.json("POST", "/api/rooms/" + room + "/read", sora.token(), Map.of("upTo", id));
        client.call("POST", "/api/attachments?name=big.bin", mina.token(), "application/octet-stream", new byte[64 * 1024 + 1], Map.of());

        assertThat(snapshot(mina, room)).isEqualTo(before);
        assertThat(blobFiles()).as("the refused upload left no blob").isEqualTo(blobsBefore);
    }

    private static String snapshot(User user, String room) {
        return client.get("/api/rooms/" + room, user.token()).text()
                + client.get("/api/rooms/" + room + "/messages?limit=200", user.token()).text()
                + client.get("/api/me", user.token()).text()
                + client.get("/api/rooms", user.token()).text();
    }

    private static long blobFiles() throws Exception {
        Path blobs = dataDir.resolve("blobs");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
