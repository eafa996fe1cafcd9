package io.ieum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ieum.core.id.Ids;
import io.ieum.core.service.Limits;
import io.ieum.server.channel.Shop;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/** Each kind of bad request, the status and code it must get, and the value its message must name. */
class BadRequestTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();
    /** A server whose delete window is zero: every delete is too late. */
    @RegisterExtension
    static final SharedServer zeroWindowServer = new SharedServer(new Limits(100, 5, Duration.ZERO, 1024,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofDays(1)));
    static Client client;
    static Fixture f;

    /** Mina and Joon share a direct and a group room; Sora is in neither; Joon has blocked Dae. */
    record Fixture(User mina, User joon, User sora, User dae, String direct, String group, String daeJoonRoom,
                   String minaMessage, String minaUpload, String revokedToken, Client zeroWindow, User zwMina,
                   String zwRoom, String zwMessage, Shop shop, Shop otherShop, User customer, String order) {}

    @BeforeAll
    static void start() {
        client = shared.client();
        User mina = client.newUser("mina");
        User joon = client.newUser("joon");
        User sora = client.newUser("sora");
        User dae = client.newUser("dae");
        String direct = client.json("POST", "/api/rooms/direct", mina.token(), Map.of("username", joon.username())).field("id");
        String group = client.json("POST", "/api/rooms", mina.token(),
                Map.of("name", "cake", "members", List.of(joon.username()))).field("id");
        String daeJoon = client.json("POST", "/api/rooms/direct", dae.token(), Map.of("username", joon.username())).field("id");
        assertThat(client.json("PUT", "/api/blocks/" + dae.username(), joon.token(), null).status()).isEqualTo(200);
        String message = Client.newMessageId();
        assertThat(client.json("POST", "/api/rooms/" + direct + "/messages", mina.token(),
                Map.of("id", message, "text", "original")).status()).isEqualTo(201);
        String upload = client.call("POST", "/api/attachments?name=a.bin", mina.token(), "application/octet-stream",
                new byte[] {1, 2, 3}, Map.of()).field("sha256");
        Reply extra = client.json("POST", "/api/sessions", null,
                Map.of("username", mina.username(), "password", "correct horse", "deviceName", "old tablet"));
        String revoked = extra.field("token");
        client.delete("/api/sessions/" + extra.json().path("session").path("id").asText(), mina.token());

        Client zw = zeroWindowServer.client();
        User zwMina = zw.newUser("mina");
        User zwJoon = zw.newUser("joon");
        String zwRoom = zw.json("POST", "/api/rooms/direct", zwMina.token(), Map.of("username", zwJoon.username())).field("id");
        String zwMessage = Client.newMessageId();
        zw.json("POST", "/api/rooms/" + zwRoom + "/messages", zwMina.token(), Map.of("id", zwMessage, "text", "too late"));
        Shop shop = Shop.open(client, "Cakes");
        Shop otherShop = Shop.open(client, "Bread");
        String order = Shop.newId();
        assertThat(shop.order(sora, order).status()).isEqualTo(201);
        f = new Fixture(mina, joon, sora, dae, direct, group, daeJoon, message, upload, revoked, zw, zwMina, zwRoom, zwMessage,
                shop, otherShop, sora, order);
    }

    static Arguments bad(String name, Function<Fixture, Reply> call, int status, String error, Function<Fixture, String> named) {
        return Arguments.of(name, call, status, error, named);
    }

    static Stream<Arguments> badRequests() {
        String unknownRoom = UUID.randomUUID().toString();
        String oldId = Ids.timeOrderedAt(Instant.now().minusSeconds(120)).toString();
        String unknownMessage = Client.newMessageId();
        return Stream.of(
                bad("malformed JSON", x -> client.json("POST", "/api/rooms/direct", x.mina().token(), "{\"username\":"),
                        400, "malformed_json", x -> "not valid JSON"),
                bad("wrong type: string for array", x -> client.json("POST", "/api/rooms/" + x.group() + "/members", x.mina().token(),
                        "{\"usernames\":\"hana\"}"), 400, "malformed_json", x -> "field 'usernames': wrong type (expected: an array)"),
                bad("wrong type: array for string", x -> client.json("POST", "/api/rooms", x.mina().token(),
                        "{\"name\":[\"x\"],\"members\":[]}"), 400, "malformed_json", x -> "field 'name': wrong type (expected: a string)"),
                bad("missing field", x -> client.json("POST", "/api/rooms/direct", x.mina().token(), "{}"),
                        400, "invalid_field", x -> "username: missing"),
                bad("missing message id", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages", x.mina().token(),
                        "{\"text\":\"hi\"}"), 400, "invalid_field", x -> "id: missing"),
                bad("unknown field", x -> client.json("POST", "/api/rooms/direct", x.mina().token(),
                        "{\"username\":\"x\",\"colour\":\"red\"}"), 400, "malformed_json", x -> "field 'colour': unknown"),
                bad("oversized body", x -> client.json("POST", "/api/rooms/direct", x.mina().token(),
                        "{\"username\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}"), 413, "too_large", x -> "1048576 bytes"),
                bad("wrong content type", x -> client.call("POST", "/api/rooms/direct", x.mina().token(), "text/plain",
                        "{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of()),
                        415, "unsupported_media_type", x -> "Content-Type: 'text/plain'"),
                bad("no content type", x -> client.call("POST", "/api/rooms/direct", x.mina().token(), null,
                        "{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of()),
                        415, "unsupported_media_type", x -> "Content-Type: none"),
                bad("unknown room ID", x -> client.get("/api/rooms/" + unknownRoom, x.mina().token()),
                        404, "not_found", x -> unknownRoom),
                bad("malformed room ID", x -> client.get("/api/rooms/not-a-uuid", x.mina().token()),
                        400, "invalid_field", x -> "roomId: 'not-a-uuid'"),
                bad("malformed session ID", x -> client.delete("/api/sessions/xyz", x.mina().token()),
                        400, "invalid_field", x -> "sessionId: 'xyz'"),
                bad("malformed sha256", x -> client.get("/api/attachments/abc", x.mina().token()),
                        400, "invalid_field", x -> "sha256: 'abc'"),
                bad("unknown username", x -> client.json("PUT", "/api/friends/nobody-here", x.mina().token(), null),
                        404, "not_found", x -> "username: 'nobody-here'"),
                bad("message ID not UUIDv7", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages", x.mina().token(),
                        Map.of("id", "0b0e8c9e-1d2f-4a3b-9c4d-5e6f7a8b9c0d", "text", "hi")), 400, "invalid_field", x -> "version 7"),
                bad("stale message ID", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages", x.mina().token(),
                        Map.of("id", oldId, "text", "hi")), 400, "invalid_field", x -> oldId),
                bad("bad query parameter", x -> client.get("/api/rooms/" + x.direct() + "/messages?limit=abc", x.mina().token()),
                        400, "bad_request", x -> "limit: 'abc'"),
                bad("no token", x -> client.get("/api/me", null), 401, "unauthenticated", x -> "Authorization: missing"),
                bad("bad token", x -> client.get("/api/me", "not-a-real-token"), 401, "unauthenticated", x -> "token: unknown"),
                bad("revoked token", x -> client.get("/api/me", x.revokedToken()), 401, "unauthenticated", x -> "token: unknown or revoked"),
                bad("wrong password", x -> client.json("POST", "/api/sessions", null,
                        Map.of("username", x.sora().username(), "password", "wrong horse!")), 401, "unauthenticated", x -> "username or password"),
                bad("username taken", x -> client.json("POST", "/api/accounts", null,
                        Map.of("username", x.mina().username(), "password", "correct horse", "displayName", "M")),
                        409, "username_taken", x -> x.mina().username()),
                bad("someone else's room", x -> client.get("/api/rooms/" + x.direct(), x.sora().token()),
                        403, "not_member", x -> x.direct()),
                bad("someone else's session", x -> client.delete("/api/sessions/" + x.mina().sessionId(), x.sora().token()),
                        404, "not_found", x -> x.mina().sessionId()),
                bad("blocked user opens direct room", x -> client.json("POST", "/api/rooms/direct", x.dae().token(),
                        Map.of("username", x.joon().username())), 403, "blocked", x -> x.joon().username()),
                bad("blocked user sends", x -> client.json("POST", "/api/rooms/" + x.daeJoonRoom() + "/messages", x.dae().token(),
                        Map.of("id", Client.newMessageId(), "text", "hi")), 403, "blocked", x -> x.daeJoonRoom()),
                bad("blocked user invites", x -> client.json("POST", "/api/rooms", x.dae().token(),
                        Map.of("name", "party", "members", List.of(x.joon().username()))), 403, "blocked", x -> x.joon().username()),
                bad("message ID reused with other text", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages",
                        x.mina().token(), Map.of("id", x.minaMessage(), "text", "changed")), 409, "id_conflict", x -> x.minaMessage()),
                bad("delete someone else's message", x -> client.delete("/api/rooms/" + x.direct() + "/messages/" + x.minaMessage(),
                        x.joon().token()), 403, "forbidden", x -> x.minaMessage()),
                bad("non-owner removes a member", x -> client.delete("/api/rooms/" + x.group() + "/members/" + x.mina().id(),
                        x.joon().token()), 403, "forbidden", x -> x.group()),
                bad("delete after window", x -> x.zeroWindow().delete("/api/rooms/" + x.zwRoom() + "/messages/" + x.zwMessage(),
                        x.zwMina().token()), 409, "delete_window_passed", x -> x.zwMessage()),
                bad("text too long", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages", x.mina().token(),
                        Map.of("id", Client.newMessageId(), "text", "가".repeat(101))), 413, "too_large", x -> "text: 101 characters"),
                bad("upload over limit", x -> client.call("POST", "/api/attachments?name=big.bin", x.mina().token(),
                        "application/octet-stream", new byte[64 * 1024 + 1], Map.of()), 413, "too_large", x -> "65536"),
                bad("upload far over limit", x -> client.call("POST", "/api/attachments?name=huge.bin", x.mina().token(),
                        "application/octet-stream", new byte[512 * 1024], Map.of()), 413, "too_large",
                        x -> "body: more than " + (64 * 1024 + AttachmentsApi.UPLOAD_MARGIN) + " bytes"),
                bad("upload without name", x -> client.call("POST", "/api/attachments", x.mina().token(),
                        "application/octet-stream", new byte[1], Map.of()), 400, "invalid_field", x -> "name: ''"),
                bad("attachment not in the room", x -> client.get("/api/rooms/" + x.direct() + "/attachments/" + x.minaUpload(),
                        x.joon().token()), 404, "not_found", x -> x.minaUpload()),
                bad("reply to an unknown message", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages",
                        x.mina().token(), Map.of("id", Client.newMessageId(), "text", "re", "replyTo", unknownMessage)),
                        400, "invalid_field", x -> "replyTo: " + unknownMessage),
                bad("attach someone else's upload", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages",
                        x.joon().token(), Map.of("id", Client.newMessageId(), "text", "mine now",
                                "attachments", List.of(attachment(x.minaUpload(), 3)))),
                        400, "invalid_field", x -> "attachments.sha256: " + x.minaUpload()),
                bad("attachment with a false size", x -> client.json("POST", "/api/rooms/" + x.direct() + "/messages",
                        x.mina().token(), Map.of("id", Client.newMessageId(), "text", "bigger",
                                "attachments", List.of(attachment(x.minaUpload(), 1_000_000)))),
                        400, "invalid_field", x -> "attachments.size: 1000000 (expected: 3"),
                bad("order of an unknown product", x -> orderWith(x, Map.of("itemId", unknownRoom, "quantity", 1)),
                        400, "invalid_field", x -> "items[0].itemId: " + unknownRoom),
                bad("order of a service", x -> orderWith(x, Map.of("itemId", x.shop().haircut(), "quantity", 1)),
                        400, "invalid_field", x -> "items[0].itemId: " + x.shop().haircut()),
                bad("negative quantity", x -> orderWith(x, Map.of("itemId", x.shop().cake(), "quantity", -1)),
                        400, "invalid_field", x -> "items[0].quantity: -1 (expected: 1..99)"),
                bad("huge quantity", x -> orderWith(x, Map.of("itemId", x.shop().cake(), "quantity", 100000)),
                        400, "invalid_field", x -> "items[0].quantity: 100000 (expected: 1..99)"),
                bad("unknown option", x -> orderWith(x, Map.of("itemId", x.shop().cake(), "quantity", 1, "options", List.of("무지개"))),
                        400, "invalid_field", x -> "items[0].options: '무지개'"),
                bad("order ID not UUIDv7", x -> client.json("POST", "/api/channels/" + x.shop().channel() + "/orders", x.customer().token(),
                        Map.of("id", "0b0e8c9e-1d2f-4a3b-9c4d-5e6f7a8b9c0d", "items", List.of())), 400, "invalid_field", x -> "version 7"),
                bad("order at an unknown channel", x -> client.json("POST", "/api/channels/" + unknownRoom + "/orders",
                        x.customer().token(), x.shop().cakeOrder(Shop.newId())), 404, "not_found", x -> "channelId: " + unknownRoom),
                bad("order ID of another shop's order", x -> x.otherShop().order(x.customer(), x.order()),
                        409, "id_conflict", x -> "id: " + x.order() + " (expected: a new ID for a new order)"),
                bad("stale order ID never sent before", x -> x.shop().order(x.customer(), oldId), 400, "invalid_field", x -> oldId),
                bad("stale booking ID never sent before", x -> x.shop().book(x.customer(), oldId, x.shop().staff().id(),
                        Shop.tomorrowAt(10, 0)), 400, "invalid_field", x -> oldId),
                bad("customer accepts an order", x -> x.shop().move(x.customer(), x.order(), "ACCEPTED", null, null),
                        403, "forbidden", x -> "status: ACCEPTED"),
                bad("another shop's staff moves an order", x -> x.shop().move(x.otherShop().staff(), x.order(), "ACCEPTED", null, null),
                        403, "forbidden", x -> "channelId: " + x.shop().channel()),
                bad("forbidden transition", x -> x.shop().move(x.shop().staff(), x.order(), "COMPLETED", null, null),
                        409, "invalid_transition", x -> "status: NEW -> COMPLETED"),
                bad("stale order version", x -> x.shop().move(x.shop().staff(), x.order(), "ACCEPTED", null, 7),
                        409, "state_changed", x -> "version: 7 (expected: 1"),
                bad("reject without a reason", x -> x.shop().move(x.shop().staff(), x.order(), "REJECTED", null, null),
                        400, "invalid_field", x -> "reason: missing"),
                bad("unknown order status", x -> x.shop().move(x.shop().staff(), x.order(), "DONE", null, null),
                        400, "invalid_field", x -> "status: 'DONE'"),
                bad("booking outside working hours", x -> x.shop().book(x.customer(), Shop.newId(), x.shop().staff().id(),
                        Shop.tomorrowAt(17, 30)), 400, "invalid_field", x -> "within working hours"),
                bad("booking in the past", x -> x.shop().book(x.customer(), Shop.newId(), x.shop().staff().id(),
                        Shop.tomorrowAt(10, 0).minus(Duration.ofDays(2))), 400, "invalid_field", x -> "expected: after now"),
                bad("booking off the slot grid", x -> x.shop().book(x.customer(), Shop.newId(), x.shop().staff().id(),
                        Shop.tomorrowAt(10, 10)), 400, "invalid_field", x -> "30-minute slot grid"),
                bad("booking another shop's staff", x -> x.shop().book(x.customer(), Shop.newId(), x.otherShop().staff().id(),
                        Shop.tomorrowAt(10, 0)), 400, "invalid_field", x -> "staffId: " + x.otherShop().staff().id()),
                bad("calendar with another shop's staff", x -> client.json("PUT", "/api/channels/" + x.shop().channel() + "/calendar",
                        x.shop().owner().token(), Map.of("zone", "UTC", "slotMinutes", 30, "hours", Map.of(),
                                "staff", List.of(x.otherShop().staff().username()))),
                        400, "invalid_field", x -> "staff: '" + x.otherShop().staff().username() + "'"),
                bad("calendar with an unknown zone", x -> client.json("PUT", "/api/channels/" + x.shop().channel() + "/calendar",
                        x.shop().owner().token(), Map.of("zone", "Mars/Olympus", "slotMinutes", 30, "hours", Map.of(),
                                "staff", List.of(x.shop().staff().username()))), 400, "invalid_field", x -> "zone: 'Mars/Olympus'"),
                bad("staff adds staff", x -> client.json("PUT", "/api/channels/" + x.shop().channel() + "/staff/" + x.sora().username(),
                        x.shop().staff().token(), null), 403, "forbidden", x -> "a channel you own"),
                bad("customer reads the inbox", x -> client.get("/api/channels/" + x.shop().channel() + "/inbox", x.customer().token()),
                        403, "forbidden", x -> "channelId: " + x.shop().channel()),
                bad("another shop's staff reads the board", x -> client.get("/api/channels/" + x.shop().channel() + "/orders",
                        x.otherShop().owner().token()), 403, "forbidden", x -> "channelId: " + x.shop().channel()),
                bad("negative price", x -> client.json("POST", "/api/channels/" + x.shop().channel() + "/items", x.shop().owner().token(),
                        Map.of("kind", "PRODUCT", "name", "x", "price", -5)), 400, "invalid_field", x -> "price: -5"),
                bad("unknown route", x -> client.get("/api/nope", x.mina().token()), 404, "not_found", x -> "/api/nope"),
                bad("wrong method", x -> client.json("PATCH", "/api/rooms", x.mina().token(), "{}"), 405, "bad_request",
                        x -> "PATCH /api/rooms"));
    }

    static Reply orderWith(Fixture x, Map<String, Object> line) {
        return client.json("POST", "/api/channels/" + x.shop().channel() + "/orders", x.customer().token(),
                Map.of("id", Shop.newId(), "items", List.of(line)));
    }

    static Map<String, Object> attachment(String sha256, long size) {
        return Map.of("sha256", sha256, "name", "a.bin", "contentType", "application/octet-stream", "size", size);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestShouldGetItsStatusCodeAndAMessageNamingTheValue(String name, Function<Fixture, Reply> call, int status,
                                                                   String error, Function<Fixture, String> named) {
        Reply reply = call.apply(f);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.json().fieldNames()).toIterable().containsExactlyInAnyOrder("error", "message");
        assertThat(reply.field("error")).isEqualTo(error);
        assertThat(reply.field("message")).contains(named.apply(f)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void messageShouldBeKoreanWhenAskedFor() {
        Reply reply = client.call("GET", "/api/rooms/" + f.direct(), f.sora().token(), null, null,
                Map.of("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.field("message"))
                .isEqualTo("채팅방의 멤버가 아닙니다: roomId: " + f.direct() + " (expected: a room you are a member of)");
    }

    @Test
    void messageShouldBeEnglishOtherwise() {
        Reply reply = client.call("GET", "/api/rooms/" + f.direct(), f.sora().token(), null, null, Map.of("Accept-Language", "fr"));
        assertThat(reply.field("message"))
                .isEqualTo("Not a member of this room: roomId: " + f.direct() + " (expected: a room you are a member of)");
    }
}
