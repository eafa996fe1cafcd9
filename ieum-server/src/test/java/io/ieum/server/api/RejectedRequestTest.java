package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.SharedServer;

/** A refused request leaves every stored thing as it was. */
class RejectedRequestTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    @Test
    void rejectedRequestsShouldChangeNothing() throws Exception {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        User sora = shared.client().newUser("sora");
        String room = shared.client().json("POST", "/api/rooms", mina.token(),
                Map.of("name", "cake", "members", List.of(joon.username()))).field("id");
        String id = Client.newMessageId();
        shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "original"));
        String before = snapshot(mina, room);
        long blobsBefore = blobFiles();

        shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "changed"));
        shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", Client.newMessageId(), "text", "x".repeat(101)));
        shared.client().json("POST", "/api/rooms/" + room + "/messages", sora.token(), Map.of("id", Client.newMessageId(), "text", "intruder"));
        shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), "{\"id\":\"" + Client.newMessageId() + "\",\"text\":\"hi\",\"x\":1}");
        shared.client().json("POST", "/api/rooms/" + room + "/members", sora.token(), Map.of("usernames", List.of(sora.username())));
        shared.client().delete("/api/rooms/" + room + "/members/" + joon.id(), joon.token());
        shared.client().delete("/api/rooms/" + room + "/messages/" + id, joon.token());
        shared.client().json("PATCH", "/api/me", mina.token(), Map.of("displayName", ""));
        shared.client().json("PATCH", "/api/me", mina.token(), Map.of("avatar", "0".repeat(64)));
        shared.client().json("POST", "/api/rooms/" + room + "/read", sora.token(), Map.of("upTo", id));
        shared.client().call("POST", "/api/attachments?name=big.bin", mina.token(), "application/octet-stream", new byte[64 * 1024 + 1], Map.of());

        assertThat(snapshot(mina, room)).isEqualTo(before);
        assertThat(blobFiles()).as("the refused upload left no blob").isEqualTo(blobsBefore);
    }

    private static String snapshot(User user, String room) {
        return shared.client().get("/api/rooms/" + room, user.token()).text()
                + shared.client().get("/api/rooms/" + room + "/messages?limit=200", user.token()).text()
                + shared.client().get("/api/me", user.token()).text()
                + shared.client().get("/api/rooms", user.token()).text();
    }

    private static long blobFiles() throws Exception {
        Path blobs = shared.dataDir().resolve("blobs");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
