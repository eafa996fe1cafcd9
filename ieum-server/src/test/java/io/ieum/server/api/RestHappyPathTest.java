package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/** Every REST call of docs/protocol.md, once, on its happy path, over real sockets. */
class RestHappyPathTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    @Test
    void signUpShouldAnswerTheUser() {
        Reply reply = shared.client().json("POST", "/api/accounts", null,
                Map.of("username", "mina-signup", "password", "correct horse", "displayName", "미나"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.field("username")).isEqualTo("mina-signup");
        assertThat(reply.field("displayName")).isEqualTo("미나");
        assertThat(reply.json().get("avatar").isNull()).isTrue();
    }

    @Test
    void loginShouldAnswerTokenSessionAndUser() {
        User mina = shared.client().newUser("mina");
        Reply login = shared.client().json("POST", "/api/sessions", null,
                Map.of("username", mina.username(), "password", "correct horse", "deviceName", "laptop"));
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.field("token")).isNotBlank();
        assertThat(login.json().path("session").path("deviceName").asText()).isEqualTo("laptop");
        assertThat(login.json().path("session").path("current").asBoolean()).isTrue();
        assertThat(login.json().path("user").path("username").asText()).isEqualTo(mina.username());
    }

    @Test
    void sessionsShouldListMarkCurrentAndRevoke() {
        User mina = shared.client().newUser("mina");
        String laptopToken = shared.client().json("POST", "/api/sessions", null,
                Map.of("username", mina.username(), "password", "correct horse", "deviceName", "laptop")).field("token");
        Reply list = shared.client().get("/api/sessions", mina.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("sessions")).hasSize(2);
        JsonNode laptop = null;
        for (JsonNode s : list.json().path("sessions")) {
            if (s.path("deviceName").asText().equals("laptop")) {
                laptop = s;
            } else {
                assertThat(s.path("current").asBoolean()).isTrue();
            }
        }
        assertThat(laptop).isNotNull();
        assertThat(laptop.path("current").asBoolean()).isFalse();

        assertThat(shared.client().get("/api/me", laptopToken).status()).isEqualTo(200);
        assertThat(shared.client().delete("/api/sessions/" + laptop.path("id").asText(), mina.token()).status()).isEqualTo(204);
        assertThat(shared.client().get("/api/me", laptopToken).status()).isEqualTo(401);
        assertThat(shared.client().get("/api/sessions", mina.token()).json().path("sessions")).hasSize(1);
    }

    @Test
    void logoutShouldEndTheCurrentSession() {
        User mina = shared.client().newUser("mina");
        assertThat(shared.client().get("/api/me", mina.token()).status()).isEqualTo(200);
        assertThat(shared.client().delete("/api/sessions/current", mina.token()).status()).isEqualTo(204);
        Reply after = shared.client().get("/api/me", mina.token());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.field("error")).isEqualTo("unauthenticated");
    }

    @Test
    void profileShouldBeReadAndPatched() {
        User mina = shared.client().newUser("mina");
        Reply me = shared.client().get("/api/me", mina.token());
        assertThat(me.field("id")).isEqualTo(mina.id());
        Reply patched = shared.client().json("PATCH", "/api/me", mina.token(), Map.of("statusMessage", "케이크 주문 받아요"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.field("statusMessage")).isEqualTo("케이크 주문 받아요");
        assertThat(patched.field("displayName")).isEqualTo("Mina");

        User joon = shared.client().newUser("joon");
        Reply byName = shared.client().get("/api/users/" + mina.username(), joon.token());
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.field("statusMessage")).isEqualTo("케이크 주문 받아요");
    }

    @Test
    void avatarShouldBeSetFromAnUploadShownToOthersAndRemoved() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        Reply upload = shared.client().call("POST", "/api/attachments?name=me.png", mina.token(), "image/png", png, Map.of());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        String sha = upload.field("sha256");
        Reply patched = shared.client().json("PATCH", "/api/me", mina.token(), Map.of("avatar", sha));
        assertThat(patched.field("avatar")).isEqualTo(sha);

        Reply avatar = shared.client().get("/api/users/" + mina.id() + "/avatar", joon.token());
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.bytes()).isEqualTo(png);
        assertThat(avatar.header("content-type")).isEqualTo("image/png");
        assertThat(avatar.header("x-content-type-options")).isEqualTo("nosniff");

        Reply removed = shared.client().json("PATCH", "/api/me", mina.token(), "{\"avatar\":null}");
        assertThat(removed.json().get("avatar").isNull()).isTrue();
        assertThat(shared.client().get("/api/users/" + mina.id() + "/avatar", joon.token()).status()).isEqualTo(404);
    }

    @Test
    void friendsAndBlocksShouldBeAddedListedAndRemoved() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        User sora = shared.client().newUser("sora");
        Reply added = shared.client().json("PUT", "/api/friends/" + joon.username(), mina.token(), null);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.field("id")).isEqualTo(joon.id());
        assertThat(shared.client().json("PUT", "/api/blocks/" + sora.username(), mina.token(), null).status()).isEqualTo(200);

        JsonNode lists = shared.client().get("/api/friends", mina.token()).json();
        assertThat(lists.path("friends")).extracting(u -> u.path("username").asText()).containsExactly(joon.username());
        assertThat(lists.path("blocked")).extracting(u -> u.path("username").asText()).containsExactly(sora.username());

        assertThat(shared.client().delete("/api/friends/" + joon.username(), mina.token()).status()).isEqualTo(204);
        assertThat(shared.client().delete("/api/blocks/" + sora.username(), mina.token()).status()).isEqualTo(204);
        lists = shared.client().get("/api/friends", mina.token()).json();
        assertThat(lists.path("friends")).isEmpty();
        assertThat(lists.path("blocked")).isEmpty();
    }

    @Test
    void directRoomShouldBeTheSameForThePair() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        Reply first = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("kind")).isEqualTo("DIRECT");
        Reply second = shared.client().json("POST", "/api/rooms/direct", joon.token(), Map.of("username", mina.username()));
        assertThat(second.field("id")).isEqualTo(first.field("id"));
        assertThat(first.json().path("members")).extracting(m -> m.path("user").path("username").asText())
                .containsExactlyInAnyOrder(mina.username(), joon.username());
    }

    @Test
    void groupShouldBeCreatedReadJoinedLeftAndPruned() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        User sora = shared.client().newUser("sora");
        User hana = shared.client().newUser("hana");
        Reply created = shared.client().json("POST", "/api/rooms", mina.token(),
                Map.of("name", "케이크 주문", "members", List.of(joon.username(), sora.username())));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("name")).isEqualTo("케이크 주문");
        assertThat(created.field("owner")).isEqualTo(mina.id());
        assertThat(created.json().path("members")).hasSize(3);
        String room = created.field("id");

        assertThat(shared.client().get("/api/rooms/" + room, sora.token()).json().path("members")).hasSize(3);
        Reply invited = shared.client().json("POST", "/api/rooms/" + room + "/members", joon.token(),
                Map.of("usernames", List.of(hana.username())));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.json().path("members")).hasSize(4);

        assertThat(shared.client().delete("/api/rooms/" + room + "/members/me", sora.token()).status()).isEqualTo(204);
        assertThat(shared.client().delete("/api/rooms/" + room + "/members/" + hana.id(), mina.token()).status()).isEqualTo(204);
        assertThat(shared.client().get("/api/rooms/" + room, mina.token()).json().path("members"))
                .extracting(m -> m.path("user").path("username").asText())
                .containsExactlyInAnyOrder(mina.username(), joon.username());
        assertThat(shared.client().get("/api/rooms/" + room, sora.token()).field("error")).isEqualTo("not_member");
    }

    @Test
    void messagesShouldBeSentPagedReadAndDeleted() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        String room = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        String first = Client.newMessageId();
        Reply sent = shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(),
                Map.of("id", first, "text", "안녕하세요"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.field("status")).isEqualTo("stored");
        assertThat(sent.json().path("entry").path("text").asText()).isEqualTo("안녕하세요");
        for (int i = 0; i < 3; i++) {
            shared.client().json("POST", "/api/rooms/" + room + "/messages", joon.token(), Map.of("id", Client.newMessageId(), "text", "m" + i));
        }

        Reply page = shared.client().get("/api/rooms/" + room + "/messages?limit=2", mina.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("entries")).extracting(e -> e.path("text").asText()).containsExactly("m2", "m1");
        assertThat(page.json().path("hasMore").asBoolean()).isTrue();
        String oldest = page.json().path("entries").get(1).path("id").asText();
        Reply rest = shared.client().get("/api/rooms/" + room + "/messages?limit=50&before=" + oldest, mina.token());
        assertThat(rest.json().path("entries")).extracting(e -> e.path("text").asText()).containsExactly("m0", "안녕하세요");
        assertThat(rest.json().path("hasMore").asBoolean()).isFalse();
        assertThat(rest.json().path("entries").get(1).path("unreadBy").asInt()).isEqualTo(1);

        assertThat(shared.client().json("POST", "/api/rooms/" + room + "/read", joon.token(), Map.of("upTo", first)).status()).isEqualTo(204);
        Reply afterRead = shared.client().get("/api/rooms/" + room + "/messages?limit=50", mina.token());
        JsonNode mine = afterRead.json().path("entries").get(3);
        assertThat(mine.path("id").asText()).isEqualTo(first);
        assertThat(mine.path("unreadBy").asInt()).isZero();
        assertThat(shared.client().get("/api/rooms/" + room, mina.token()).json().path("members").findValuesAsText("readUpTo"))
                .contains(first);

        Reply deleted = shared.client().delete("/api/rooms/" + room + "/messages/" + first, mina.token());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(deleted.field("text")).isEmpty();
    }

    @Test
    void sendingTheSameIdTwiceShouldStoreOneEntry() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        String room = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        String id = Client.newMessageId();
        Reply first = shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "once"));
        Reply retry = shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", id, "text", "once"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.field("status")).isEqualTo("duplicate");
        assertThat(retry.json().path("entry").path("id").asText()).isEqualTo(id);
        assertThat(shared.client().get("/api/rooms/" + room + "/messages", joon.token()).json().path("entries"))
                .filteredOn(e -> e.path("kind").asText().equals("MESSAGE")).hasSize(1);
    }

    @Test
    void roomListShouldBeNewestFirstWithUnreadCountsAndPreviews() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        User sora = shared.client().newUser("sora");
        String withJoon = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        String withSora = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", sora.username())).field("id");
        shared.client().json("POST", "/api/rooms/" + withSora + "/messages", sora.token(), Map.of("id", Client.newMessageId(), "text", "first"));
        shared.client().json("POST", "/api/rooms/" + withJoon + "/messages", joon.token(), Map.of("id", Client.newMessageId(), "text", "one"));
        shared.client().json("POST", "/api/rooms/" + withJoon + "/messages", joon.token(), Map.of("id", Client.newMessageId(), "text", "two"));

        JsonNode rooms = shared.client().get("/api/rooms", mina.token()).json().path("rooms");
        assertThat(rooms).extracting(r -> r.path("id").asText()).containsExactly(withJoon, withSora);
        assertThat(rooms.get(0).path("unread").asInt()).isEqualTo(2);
        assertThat(rooms.get(0).path("latest").path("text").asText()).isEqualTo("two");
        assertThat(rooms.get(1).path("unread").asInt()).isEqualTo(1);
        assertThat(rooms.get(0).path("memberCount").asInt()).isEqualTo(2);

        shared.client().json("POST", "/api/rooms/" + withSora + "/messages", mina.token(), Map.of("id", Client.newMessageId(), "text", "reply"));
        rooms = shared.client().get("/api/rooms", mina.token()).json().path("rooms");
        assertThat(rooms).extracting(r -> r.path("id").asText()).containsExactly(withSora, withJoon);
        assertThat(shared.client().get("/api/rooms", joon.token()).json().path("rooms").get(0).path("unread").asInt()).isZero();
    }

    @Test
    void syncShouldCatchUpInPagesThatContinueWithoutOverlap() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        String room = shared.client().json("POST", "/api/rooms", mina.token(),
                Map.of("name", "sync", "members", List.of(joon.username()))).field("id");
        Reply initial = shared.client().get("/api/sync", mina.token());
        assertThat(initial.status()).isEqualTo(200);
        String cursor = initial.field("cursor");
        assertThat(cursor).as(initial.toString()).isNotNull();
        for (int i = 0; i < 3; i++) {
            shared.client().json("POST", "/api/rooms/" + room + "/messages", joon.token(), Map.of("id", Client.newMessageId(), "text", "s" + i));
        }
        Reply first = shared.client().get("/api/sync?limit=2&after=" + cursor, mina.token());
        assertThat(first.json().path("entries")).extracting(e -> e.path("text").asText()).containsExactly("s0", "s1");
        assertThat(first.json().path("hasMore").asBoolean()).isTrue();
        Reply next = shared.client().get("/api/sync?limit=2&after=" + first.field("cursor"), mina.token());
        assertThat(next.json().path("entries")).extracting(e -> e.path("text").asText()).containsExactly("s2");
        assertThat(next.json().path("hasMore").asBoolean()).isFalse();
        // After a reconnect, "since" looks back over the overlap window: the device de-duplicates by ID.
        Reply since = shared.client().get("/api/sync?since=" + next.field("cursor"), mina.token());
        assertThat(since.json().path("entries")).extracting(e -> e.path("text").asText()).contains("s0", "s1", "s2");
    }

    @Test
    void attachmentsShouldBeUploadedAndDownloadedByUploaderAndRoomMembers() {
        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        String room = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        byte[] bytes = "케이크 사진 대신 글".getBytes(StandardCharsets.UTF_8);
        Reply upload = shared.client().call("POST", "/api/attachments?name=%EC%BC%80%EC%9D%B4%ED%81%AC.txt", mina.token(),
                "text/plain", bytes, Map.of());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.field("name")).isEqualTo("케이크.txt");
        assertThat(upload.json().path("size").asLong()).isEqualTo(bytes.length);
        String sha = upload.field("sha256");

        Reply own = shared.client().get("/api/attachments/" + sha, mina.token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.bytes()).isEqualTo(bytes);

        assertThat(shared.client().get("/api/rooms/" + room + "/attachments/" + sha, joon.token()).status()).isEqualTo(404);
        Reply sent = shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(),
                Map.of("id", Client.newMessageId(), "text", "", "attachments", List.of(upload.json())));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        Reply fromRoom = shared.client().get("/api/rooms/" + room + "/attachments/" + sha, joon.token());
        assertThat(fromRoom.status()).isEqualTo(200);
        assertThat(fromRoom.bytes()).isEqualTo(bytes);
        assertThat(fromRoom.header("content-type")).startsWith("text/plain");
        assertThat(fromRoom.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(fromRoom.header("content-disposition")).startsWith("attachment");
    }

    @Test
    void healthShouldBeUpPerComponentAndMetricsInPrometheusFormat() {
        Reply health = shared.client().get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(health.json().path("components").path("storage").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("realtime").path("status").asText()).isEqualTo("UP");

        User mina = shared.client().newUser("mina");
        User joon = shared.client().newUser("joon");
        String room = shared.client().json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        shared.client().json("POST", "/api/rooms/" + room + "/messages", mina.token(), Map.of("id", Client.newMessageId(), "text", "count me"));
        Reply metrics = shared.client().get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("ieum_messages_sent_total", "ieum_messages_duplicate_total",
                "ieum_login_failures_total", "jvm_memory_used_bytes", "ieum_http_requests_total");
    }
}
