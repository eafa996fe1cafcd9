package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/** Sora is in none of Mina and Joon's rooms: she must not see any of it, nor Mina's devices or data. */
class AuthorizationTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();
    static Client client;
    static User mina;
    static User joon;
    static User sora;
    static String room;
    static String message;
    static String sha;

    @BeforeAll
    static void start() {
        client = shared.client();
        mina = client.newUser("mina");
        joon = client.newUser("joon");
        sora = client.newUser("sora");
        room = client.json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        Reply upload = client.call("POST", "/api/attachments?name=secret.txt", mina.token(), "text/plain",
                "비밀 레시피".getBytes(StandardCharsets.UTF_8), Map.of());
        sha = upload.field("sha256");
        message = Client.newMessageId();
        client.json("POST", "/api/rooms/" + room + "/messages", mina.token(),
                Map.of("id", message, "text", "<b>비밀</b> & 레시피", "attachments", List.of(upload.json())));
    }

    @Test
    void outsiderShouldNotReadHistory() {
        Reply reply = client.get("/api/rooms/" + room + "/messages", sora.token());
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.field("error")).isEqualTo("not_member");
        assertThat(reply.text()).doesNotContain("비밀");
    }

    @Test
    void outsiderShouldNotReadTheRoomOrItsReadPositions() {
        assertThat(client.get("/api/rooms/" + room, sora.token()).field("error")).isEqualTo("not_member");
        assertThat(client.json("POST", "/api/rooms/" + room + "/read", sora.token(), Map.of("upTo", message)).field("error"))
                .isEqualTo("not_member");
    }

    @Test
    void outsiderShouldNotDownloadTheRoomsAttachments() {
        assertThat(client.get("/api/rooms/" + room + "/attachments/" + sha, sora.token()).status()).isEqualTo(403);
        assertThat(client.get("/api/attachments/" + sha, sora.token()).status()).isEqualTo(404);
        assertThat(client.get("/api/attachments/" + sha, joon.token()).status())
                .as("only the uploader uses the uploader route").isEqualTo(404);
        assertThat(client.get("/api/rooms/" + room + "/attachments/" + sha, joon.token()).status()).isEqualTo(200);
    }

    @Test
    void outsiderShouldNotSendDeleteOrSyncIntoTheRoom() {
        assertThat(client.json("POST", "/api/rooms/" + room + "/messages", sora.token(),
                Map.of("id", Client.newMessageId(), "text", "hi")).field("error")).isEqualTo("not_member");
        assertThat(client.delete("/api/rooms/" + room + "/messages/" + message, sora.token()).field("error")).isEqualTo("not_member");
        assertThat(client.get("/api/sync", sora.token()).text()).doesNotContain(room);
        assertThat(client.get("/api/rooms", sora.token()).json().path("rooms")).isEmpty();
    }

    @Test
    void sessionsShouldBeOnlyMine() {
        Reply soraSessions = client.get("/api/sessions", sora.token());
        assertThat(soraSessions.json().path("sessions")).hasSize(1);
        assertThat(soraSessions.text()).doesNotContain(mina.sessionId());
        assertThat(client.delete("/api/sessions/" + mina.sessionId(), sora.token()).status()).isEqualTo(404);
        assertThat(client.get("/api/me", mina.token()).status()).as("Mina is still logged in").isEqualTo(200);
    }

    @Test
    void exportShouldHoldOnlyMyData() throws IOException {
        Map<String, byte[]> soraZip = unzip(client.get("/api/me/export", sora.token()));
        assertThat(new String(soraZip.get("data.json"), StandardCharsets.UTF_8)).doesNotContain("비밀", room);
        assertThat(soraZip.keySet()).noneMatch(name -> name.startsWith("attachments/"));
    }

    @Test
    void exportShouldHoldProfileRoomsEntriesReadablePageAndAttachments() throws IOException {
        Reply reply = client.get("/api/me/export", mina.token());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).isEqualTo("application/zip");
        Map<String, byte[]> zip = unzip(reply);
        assertThat(zip).containsKeys("data.json", "index.html", "attachments/" + sha);
        String data = new String(zip.get("data.json"), StandardCharsets.UTF_8);
        assertThat(data).contains(mina.username(), room, message, "<b>비밀</b> & 레시피", mina.sessionId());
        String html = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<meta charset=\"utf-8\">", "&lt;b&gt;비밀&lt;/b&gt; &amp; 레시피", "secret.txt")
                .doesNotContain("<b>비밀</b>");
        assertThat(new String(zip.get("attachments/" + sha), StandardCharsets.UTF_8)).isEqualTo("비밀 레시피");
    }

    private static Map<String, byte[]> unzip(Reply reply) throws IOException {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(reply.bytes()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
