package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.id.MessageId;
import io.ieum.core.model.Entry;
import io.ieum.core.model.Room;
import io.ieum.core.service.LiveEvent;
import io.ieum.core.service.LoginResult;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.ops.Metrics;

class WebSocketEndpointTest {

    @TempDir
    static Path dataDir;

    /** One server for the class (stopping one takes seconds); every test makes its own users and room. */
    private static RealtimeFixture fixture;
    private final List<WsTestClient> clients = new ArrayList<>();
    private LoginResult mina;
    private LoginResult joon;
    private LoginResult sora;
    private Room room;

    @BeforeAll
    static void startServer() {
        fixture = new RealtimeFixture(dataDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void createUsersAndRoom() {
        mina = fixture.user("mina");
        joon = fixture.user("joon");
        sora = fixture.user("sora");
        room = fixture.group(mina, joon);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
    }

    // ---- authentication ----

    @Test
    void readyShouldNameTheUserTheNodeAndTheServerTime() {
        JsonNode ready = ready(mina).first("ready", f -> true);

        assertThat(ready.path("user").path("username").asText()).isEqualTo(mina.account().username().value());
        assertThat(ready.path("user").path("id").asText()).isEqualTo(mina.account().id().toString());
        assertThat(ready.path("node").asText()).isEqualTo("test-node");
        assertThat(ready.path("serverTime").asText()).isNotEmpty();
    }

    @Test
    void aBadTokenShouldBeClosedWith4401() {
        WsTestClient client = connect();
        client.send("{\"type\":\"auth\",\"token\":\"nope\"}");

        WsTestClient.Close close = client.awaitClose();
        assertThat(close.code()).isEqualTo(4401);
        assertThat(close.reason()).contains("token: unknown or revoked");
    }

    @Test
    void aFrameBeforeAuthShouldBeClosedWith4400() {
        WsTestClient client = connect();
        client.send("{\"type\":\"ping\"}");

        WsTestClient.Close close = client.awaitClose();
        assertThat(close.code()).isEqualTo(4400);
        assertThat(close.reason()).contains("frame before auth");
    }

    @Test
    void garbageShouldBeClosedWith4400() {
        WsTestClient client = ready(mina);
        client.send("hello?");

        WsTestClient.Close close = client.awaitClose();
        assertThat(close.code()).isEqualTo(4400);
        assertThat(close.reason()).contains("not valid JSON");
    }

    @Test
    void anUnknownTypeShouldBeClosedWith4400() {
        WsTestClient client = ready(mina);
        client.send("{\"type\":\"shout\"}");

        assertThat(client.awaitClose()).isEqualTo(new WsTestClient.Close(4400,
                "type: 'shout' unknown (expected: auth, send, read, delete, sync or ping)"));
    }

    @Test
    void aBinaryFrameShouldBeClosedWith4400() {
        WsTestClient client = ready(mina);
        client.sendBinary(new byte[] {1, 2, 3});

        assertThat(client.awaitClose().code()).isEqualTo(4400);
    }

    @Test
    void aFrameOverTheLimitShouldBeClosedWith1009() {
        WsTestClient client = ready(mina);
        client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");

        assertThat(client.awaitClose().code()).isEqualTo(1009);
    }

    @Test
    void aFragmentedMessageOverTheLimitShouldBeClosedWith1009() {
        WsTestClient client = ready(mina);
        client.sendPart("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(40 * 1024), false);
        client.sendPart("x".repeat(40 * 1024) + "\"}", true);

        assertThat(client.awaitClose().code()).isEqualTo(1009);
    }

    @Test
    void aFragmentedMessageWithinTheLimitShouldBeHandled() {
        WsTestClient client = ready(mina);
        client.sendPart("{\"type\":\"ping\",", false);
        client.sendPart("\"ref\":\"in two parts\"}", true);

        assertThat(client.await("pong").path("ref").asText()).isEqualTo("in two parts");
    }

    @Test
    void aRevokedSessionShouldBeClosedWith4401() {
        WsTestClient client = ready(mina);

        fixture.services.accounts().logOut(RealtimeFixture.auth(mina));

        WsTestClient.Close close = client.awaitClose();
        assertThat(close.code()).isEqualTo(4401);
        assertThat(close.reason()).contains("session");
    }

    // ---- messages ----

    @Test
    void aSendShouldBeAcknowledgedAndPushedToEveryDeviceOfEveryMemberOnly() {
        WsTestClient minaPhone = ready(mina);
        WsTestClient minaLaptop = ready(fixture.login(mina.account().username().value(), "laptop"));
        WsTestClient joonPhone = ready(joon);
        WsTestClient soraPhone = ready(sora);
        MessageId id = MessageId.generate();

        minaPhone.send(send(id, "hi", "r1"));

        JsonNode ack = minaPhone.await("ack");
        assertThat(ack.path("id").asText()).isEqualTo(id.toString());
        assertThat(ack.path("roomId").asText()).isEqualTo(room.id().toString());
        assertThat(ack.path("status").asText()).isEqualTo("stored");
        assertThat(ack.path("ref").asText()).isEqualTo("r1");
        for (WsTestClient member : List.of(minaPhone, minaLaptop, joonPhone)) {
            JsonNode entry = member.await("entry", f -> f.path("entry").path("id").asText().equals(id.toString())).get("entry");
            assertThat(entry.path("text").asText()).isEqualTo("hi");
            assertThat(entry.path("kind").asText()).isEqualTo("MESSAGE");
            assertThat(entry.path("sender").asText()).isEqualTo(mina.account().id().toString());
        }
        soraPhone.send("{\"type\":\"ping\",\"ref\":\"after\"}");
        soraPhone.await("pong");
        assertThat(soraPhone.all("entry")).isEmpty();
        assertThat(fixture.meters.counter(RealtimeMetrics.FRAMES_WRITTEN).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRetryShouldBeAcknowledgedAsDuplicateAndStoredOnce() {
        WsTestClient minaPhone = ready(mina);
        MessageId id = MessageId.generate();
        double storedBefore = fixture.meters.counter(Metrics.MESSAGES_SENT).count();
        double duplicatesBefore = fixture.meters.counter(Metrics.MESSAGES_DUPLICATE).count();

        minaPhone.send(send(id, "once", "first"));
        minaPhone.await("ack", f -> f.path("ref").asText().equals("first"));
        minaPhone.send(send(id, "once", "second"));

        assertThat(minaPhone.await("ack", f -> f.path("ref").asText().equals("second")).path("status").asText())
                .isEqualTo("duplicate");
        long stored = fixture.services.messages().history(RealtimeFixture.auth(mina), room.id(), null, 50).stream()
                .filter(h -> h.entry().id().equals(id)).count();
        assertThat(stored).isEqualTo(1);
        // The same counters as REST sends (ieum_messages_sent_total, ieum_messages_duplicate_total).
        assertThat(fixture.meters.counter(Metrics.MESSAGES_SENT).count()).isEqualTo(storedBefore + 1);
        assertThat(fixture.meters.counter(Metrics.MESSAGES_DUPLICATE).count()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aRetryShouldBePushedAgainAndAReusedIdWithOtherTextRefusedAsAConflict() {
        WsTestClient minaPhone = ready(mina);
        WsTestClient joonPhone = ready(joon);
        MessageId id = MessageId.generate();
        minaPhone.send(send(id, "once", "first"));
        minaPhone.await("ack", f -> f.path("ref").asText().equals("first"));

        minaPhone.send(send(id, "once", "retry"));
        minaPhone.await("ack", f -> f.path("ref").asText().equals("retry"));
        minaPhone.send(send(id, "changed", "reused"));

        JsonNode error = minaPhone.await("error");
        assertThat(error.path("ref").asText()).isEqualTo("reused");
        assertThat(error.path("error").asText()).isEqualTo("id_conflict");
        // The retry pushes the stored message again (a member that missed the first push gets it).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(joonPhone.all("entry"))
                .filteredOn(f -> f.path("entry").path("id").asText().equals(id.toString())).hasSize(2)
                .allSatisfy(f -> assertThat(f.path("entry").path("text").asText()).isEqualTo("once")));
        assertThat(minaPhone.isClosed()).isFalse();
    }

    @Test
    void aReadShouldBePushedToTheMembers() {
        WsTestClient minaPhone = ready(mina);
        WsTestClient joonPhone = ready(joon);
        MessageId id = MessageId.generate();
        minaPhone.send(send(id, "read me", null));
        joonPhone.await("entry");

        joonPhone.send("{\"type\":\"read\",\"roomId\":\"" + room.id() + "\",\"upTo\":\"" + id + "\"}");

        JsonNode read = minaPhone.await("read");
        assertThat(read.path("roomId").asText()).isEqualTo(room.id().toString());
        assertThat(read.path("userId").asText()).isEqualTo(joon.account().id().toString());
        assertThat(read.path("upTo").asText()).isEqualTo(id.toString());
    }

    @Test
    void aDeleteShouldPushADeletionEntry() {
        WsTestClient minaPhone = ready(mina);
        WsTestClient joonPhone = ready(joon);
        MessageId id = MessageId.generate();
        minaPhone.send(send(id, "oops", null));
        minaPhone.await("ack");

        minaPhone.send("{\"type\":\"delete\",\"roomId\":\"" + room.id() + "\",\"id\":\"" + id + "\"}");

        JsonNode deletion = joonPhone.await("entry", f -> f.path("entry").path("kind").asText().equals("DELETION")).get("entry");
        assertThat(deletion.path("target").asText()).isEqualTo(id.toString());
    }

    @Test
    void aFailedSendShouldAnswerAnErrorInTheClientsLanguageAndKeepTheSocketOpen() {
        WsTestClient soraPhone = connect("ko-KR,ko;q=0.9");
        soraPhone.send("{\"type\":\"auth\",\"token\":\"" + sora.token() + "\"}");
        soraPhone.await("ready");
        MessageId id = MessageId.generate();

        soraPhone.send(send(id, "let me in", null));

        JsonNode error = soraPhone.await("error");
        assertThat(error.path("ref").asText()).isEqualTo(id.toString());
        assertThat(error.path("error").asText()).isEqualTo("not_member");
        assertThat(error.path("message").asText())
                .startsWith(new ErrorMessages().text(ErrorCode.NOT_MEMBER, Locale.KOREAN))
                .contains("roomId: " + room.id());
        soraPhone.send("{\"type\":\"ping\",\"ref\":\"still here\"}");
        assertThat(soraPhone.await("pong").path("ref").asText()).isEqualTo("still here");
        assertThat(soraPhone.isClosed()).isFalse();
    }

    @Test
    void aBadValueShouldAnswerAnErrorAndKeepTheSocketOpen() {
        WsTestClient minaPhone = ready(mina);

        minaPhone.send("{\"type\":\"read\",\"ref\":\"r\",\"roomId\":\"" + room.id() + "\",\"upTo\":\"not-an-id\"}");

        JsonNode error = minaPhone.await("error");
        assertThat(error.path("ref").asText()).isEqualTo("r");
        assertThat(error.path("error").asText()).isEqualTo("invalid_field");
        assertThat(error.path("message").asText()).contains("upTo");
        assertThat(minaPhone.isClosed()).isFalse();
    }

    // ---- catching up ----

    @Test
    void aReconnectedDeviceShouldSyncExactlyWhatItMissed() {
        WsTestClient minaPhone = ready(mina);
        WsTestClient joonPhone = ready(joon);
        MessageId seen = MessageId.generate();
        minaPhone.send(send(seen, "before", null));
        joonPhone.await("entry", f -> f.path("entry").path("id").asText().equals(seen.toString()));
        Set<String> joonHas = ids(joonPhone.pushedEntries());
        joonPhone.close();

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MessageId id = MessageId.generate();
            missed.add(id.toString());
            minaPhone.send(send(id, "missed " + i, null));
        }
        await().until(() -> minaPhone.all("ack").size() == 4);
        WsTestClient joonAgain = ready(joon);
        joonAgain.send("{\"type\":\"sync\",\"ref\":\"s\",\"since\":\"" + seen + "\"}");

        JsonNode synced = joonAgain.await("synced");
        assertThat(synced.path("ref").asText()).isEqualTo("s");
        assertThat(synced.path("hasMore").asBoolean()).isFalse();
        List<String> newerThanSeenAndNotHeld = new ArrayList<>();
        synced.path("entries").forEach(e -> {
            String id = e.path("id").asText();
            if (!joonHas.contains(id) && MessageId.of(id).isAfter(seen)) {
                newerThanSeenAndNotHeld.add(id);
            }
        });
        assertThat(newerThanSeenAndNotHeld).containsExactlyElementsOf(missed);
        assertThat(synced.path("cursor").asText()).isEqualTo(missed.get(2));
    }

    @Test
    void aLongCatchUpShouldContinueWithAfterWithoutAGap() {
        MessageId cursor = fixture.services.messages().history(RealtimeFixture.auth(joon), room.id(), null, 1).get(0).entry().id();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            MessageId id = MessageId.generate();
            sent.add(id.toString());
            sends.add(fixture.services.messages().send(RealtimeFixture.auth(mina), room.id(), id, "m" + i, null, List.of()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        WsTestClient joonPhone = ready(joon);

        joonPhone.send("{\"type\":\"sync\",\"ref\":\"p1\",\"since\":\"" + cursor + "\"}");
        JsonNode first = joonPhone.await("synced", f -> f.path("ref").asText().equals("p1"));
        assertThat(first.path("entries").size()).isEqualTo(200);
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        joonPhone.send("{\"type\":\"sync\",\"ref\":\"p2\",\"after\":\"" + first.path("cursor").asText() + "\"}");
        JsonNode second = joonPhone.await("synced", f -> f.path("ref").asText().equals("p2"));

        assertThat(second.path("hasMore").asBoolean()).isFalse();
        List<String> received = new ArrayList<>();
        first.path("entries").forEach(e -> received.add(e.path("id").asText()));
        second.path("entries").forEach(e -> received.add(e.path("id").asText()));
        assertThat(received).doesNotHaveDuplicates();
        assertThat(received).containsAll(sent);
        List<MessageId> order = received.stream().map(MessageId::of).toList();
        assertThat(order).isSorted();
    }

    @Test
    void aDeviceThatStopsReadingShouldBeDroppedWith4408() {
        WsTestClient stalled = ready(mina);
        double droppedBefore = fixture.meters.counter(RealtimeMetrics.SLOW_CONSUMERS_DROPPED).count();
        stalled.pause();
        String big = "x".repeat(10_000);

        await().atMost(WsTestClient.TIMEOUT).until(() -> {
            for (int i = 0; i < 50; i++) {
                fixture.delivery.publish(Set.of(mina.account().id()), new LiveEvent.EntryAdded(
                        Entry.message(room.id(), MessageId.generate(), joon.account().id(), big, null, List.of())));
            }
            return fixture.meters.counter(RealtimeMetrics.SLOW_CONSUMERS_DROPPED).count() > droppedBefore;
        });
        stalled.resume();

        assertThat(stalled.awaitClose().code()).isEqualTo(4408);
        await().untilAsserted(() -> assertThat(fixture.delivery.deviceCount(mina.account().id())).isZero());
    }

    // ---- lifecycle ----

    @Test
    void aClosedDeviceShouldLeaveTheRegistry() {
        WsTestClient minaPhone = ready(mina);
        assertThat(fixture.delivery.deviceCount(mina.account().id())).isEqualTo(1);

        minaPhone.close();

        await().untilAsserted(() -> assertThat(fixture.delivery.deviceCount(mina.account().id())).isZero());
    }

    // ---- helpers ----

    private String send(MessageId id, String text, String ref) {
        return "{\"type\":\"send\"," + (ref == null ? "" : "\"ref\":\"" + ref + "\",") + "\"id\":\"" + id
                + "\",\"roomId\":\"" + room.id() + "\",\"text\":\"" + text + "\",\"replyTo\":null,\"attachments\":[]}";
    }

    private static Set<String> ids(List<JsonNode> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    private WsTestClient connect() {
        return connect(null);
    }

    private WsTestClient connect(String acceptLanguage) {
        WsTestClient client = WsTestClient.connect(fixture.uri(), acceptLanguage);
        clients.add(client);
        return client;
    }

    private WsTestClient ready(LoginResult login) {
        WsTestClient client = WsTestClient.ready(fixture.uri(), login.token());
        clients.add(client);
        return client;
    }
}
