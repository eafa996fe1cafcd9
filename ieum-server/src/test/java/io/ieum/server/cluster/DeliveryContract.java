package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;

/**
 * What live delivery promises, whichever node a device is connected to (James
 * {@code MultipleEventBusGroupContract} style). Run against one node ({@code nodeB() == nodeA()})
 * and against two nodes sharing a database, where every cross-node case below means: accepted on
 * node B, pushed to a socket held by node A.
 */
interface DeliveryContract {

    IeumServer nodeA();

    IeumServer nodeB();

    private Client rest(IeumServer node) {
        return new Client(URI.create("http://127.0.0.1:" + node.port()));
    }

    private String group(IeumServer node, User owner, User... members) {
        Reply created = rest(node).json("POST", "/api/rooms", owner.token(),
                Map.of("name", "cake", "members", java.util.Arrays.stream(members).map(User::username).toList()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("id");
    }

    private String send(IeumServer node, User sender, String room, String text) {
        String id = Client.newMessageId();
        Reply sent = rest(node).json("POST", "/api/rooms/" + room + "/messages", sender.token(), Map.of("id", id, "text", text));
        assertThat(sent.status()).as(sent.toString()).isBetween(200, 201);
        return id;
    }

    @Test
    default void messageAcceptedOnNodeBShouldBePushedToASocketOnNodeAAndToAnotherDeviceOnNodeB() {
        User mina = rest(nodeB()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        String room = group(nodeB(), mina, joon);
        try (LiveSocket joonOnA = LiveSocket.open(nodeA(), joon.token());
             LiveSocket minaOnA = LiveSocket.open(nodeA(), mina.token());
             LiveSocket minaOnB = LiveSocket.open(nodeB(), mina.token())) {
            String id = send(nodeB(), mina, room, "케이크 나왔어요");

            assertThat(joonOnA.awaitEntry(id).path("text").asText()).isEqualTo("케이크 나왔어요");
            assertThat(minaOnA.awaitEntry(id).path("sender").asText()).isEqualTo(mina.id());
            assertThat(minaOnB.awaitEntry(id).path("roomId").asText()).isEqualTo(room);
        }
    }

    @Test
    default void messageSentOverTheWebSocketOfNodeBShouldBePushedToNodeA() {
        User mina = rest(nodeB()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        String room = group(nodeA(), mina, joon);
        try (LiveSocket joonOnA = LiveSocket.open(nodeA(), joon.token());
             LiveSocket minaOnB = LiveSocket.open(nodeB(), mina.token())) {
            String id = Client.newMessageId();
            minaOnB.send("{\"type\":\"send\",\"id\":\"" + id + "\",\"roomId\":\"" + room + "\",\"text\":\"안녕\"}");
            minaOnB.await("ack", f -> true);

            assertThat(joonOnA.awaitEntry(id).path("text").asText()).isEqualTo("안녕");
        }
    }

    @Test
    default void readPositionMovedOnNodeBShouldBePushedToSocketsOnNodeA() {
        User mina = rest(nodeA()).newUser("mina");
        User joon = rest(nodeB()).newUser("joon");
        String room = group(nodeA(), mina, joon);
        String id = send(nodeA(), mina, room, "hi");
        try (LiveSocket minaOnA = LiveSocket.open(nodeA(), mina.token())) {
            Reply read = rest(nodeB()).json("POST", "/api/rooms/" + room + "/read", joon.token(), Map.of("upTo", id));
            assertThat(read.status()).as(read.toString()).isBetween(200, 204);

            JsonNode pushed = minaOnA.await("read", f -> f.path("userId").asText().equals(joon.id()));
            assertThat(pushed.path("roomId").asText()).isEqualTo(room);
            assertThat(pushed.path("upTo").asText()).isEqualTo(id);
        }
    }

    @Test
    default void deletionOnNodeBShouldBePushedToSocketsOnNodeA() {
        User mina = rest(nodeB()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        String room = group(nodeB(), mina, joon);
        String id = send(nodeB(), mina, room, "oops");
        try (LiveSocket joonOnA = LiveSocket.open(nodeA(), joon.token())) {
            Reply deleted = rest(nodeB()).delete("/api/rooms/" + room + "/messages/" + id, mina.token());
            assertThat(deleted.status()).as(deleted.toString()).isBetween(200, 204);

            JsonNode deletion = joonOnA.await("entry", f -> f.path("entry").path("kind").asText().equals("DELETION")
                    && f.path("entry").path("target").asText().equals(id)).get("entry");
            assertThat(deletion.path("sender").asText()).isEqualTo(mina.id());
        }
    }

    @Test
    default void nonMemberConnectedToNodeAShouldReceiveNothing() {
        User mina = rest(nodeB()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        User sora = rest(nodeA()).newUser("sora");
        String room = group(nodeB(), mina, joon);
        try (LiveSocket soraOnA = LiveSocket.open(nodeA(), sora.token());
             LiveSocket joonOnA = LiveSocket.open(nodeA(), joon.token())) {
            String id = send(nodeB(), mina, room, "secret plans");
            joonOnA.awaitEntry(id); // delivered by now to everyone it will ever reach

            org.awaitility.Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                    .until(() -> soraOnA.entries().isEmpty());
        }
    }

    @Test
    default void eachDeviceShouldReceiveEachEntryExactlyOnce() {
        User mina = rest(nodeB()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        String room = group(nodeB(), mina, joon);
        try (LiveSocket joonOnA = LiveSocket.open(nodeA(), joon.token());
             LiveSocket joonOnB = LiveSocket.open(nodeB(), joon.token())) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(send(i % 2 == 0 ? nodeB() : nodeA(), mina, room, "n" + i));
            }
            joonOnA.awaitEntry(ids.get(19));
            joonOnB.awaitEntry(ids.get(19));

            for (LiveSocket device : List.of(joonOnA, joonOnB)) {
                // Stays exactly the 20 IDs, each once, for a while after the last arrived: no late duplicate.
                org.awaitility.Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                        .until(() -> messageIds(device), got -> got.size() == ids.size() && got.containsAll(ids));
            }
        }
    }

    @Test
    default void memberInvitedOnNodeBShouldSendThroughNodeAAtOnce() {
        User mina = rest(nodeA()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        User sora = rest(nodeA()).newUser("sora");
        String room = group(nodeA(), mina, joon);
        send(nodeA(), joon, room, "node A now caches the members"); // fills A's 5-second membership cache

        Reply invited = rest(nodeB()).json("POST", "/api/rooms/" + room + "/members", mina.token(),
                Map.of("usernames", List.of(sora.username())));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);

        // Well within the cache's 5 s: only the "members changed" event makes node A see her.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                rest(nodeA()).json("POST", "/api/rooms/" + room + "/messages", sora.token(),
                        Map.of("id", Client.newMessageId(), "text", "hello!")).status() == 201);
    }

    @Test
    default void memberRemovedOnNodeBShouldBeRefusedByNodeAAtOnce() {
        User mina = rest(nodeA()).newUser("mina");
        User joon = rest(nodeA()).newUser("joon");
        String room = group(nodeA(), mina, joon);
        send(nodeA(), joon, room, "node A now caches the members");

        Reply removed = rest(nodeB()).delete("/api/rooms/" + room + "/members/" + joon.id(), mina.token());
        assertThat(removed.status()).as(removed.toString()).isBetween(200, 204);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                rest(nodeA()).json("POST", "/api/rooms/" + room + "/messages", joon.token(),
                        Map.of("id", Client.newMessageId(), "text", "still here?")).status() == 403);
    }

    private static List<String> messageIds(LiveSocket device) {
        return device.entries().stream().filter(e -> e.path("kind").asText().equals("MESSAGE"))
                .map(e -> e.path("id").asText()).toList();
    }
}
