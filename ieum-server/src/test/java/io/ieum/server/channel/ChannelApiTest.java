package io.ieum.server.channel;

import static io.ieum.server.channel.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/** A shop and its customers over real sockets: channel, catalogue, inbox, orders, bookings, notices, announcements. */
class ChannelApiTest {

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    @Test
    void customerShouldFindFollowAndChatWithAChannelAnsweredByAnyStaffMember() {
        Shop shop = Shop.open(shared.client(), "Mina's Cakes " + Shop.newId().substring(0, 8));
        User sora = shared.client().newUser("sora");

        Reply found = ok(shared.client().get("/api/channels?q=mina's%20CAKES", sora.token()));
        assertThat(found.json().path("channels").findValuesAsText("id")).contains(shop.channel());
        ok(shared.client().json("PUT", "/api/channels/" + shop.channel() + "/follow", sora.token(), null));
        JsonNode detail = ok(shared.client().get("/api/channels/" + shop.channel(), sora.token())).json();
        assertThat(detail.path("following").asBoolean()).isTrue();
        assertThat(detail.path("role").isNull()).isTrue();
        assertThat(detail.path("catalogue").findValuesAsText("name")).containsExactly("딸기 케이크", "Haircut");

        String room = ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/conversation", sora.token(), null)).field("id");
        ok(shared.client().json("POST", "/api/rooms/" + room + "/messages", sora.token(), Map.of("id", Client.newMessageId(), "text", "케이크 있나요?")));
        ok(shared.client().json("POST", "/api/rooms/" + room + "/messages", shop.staff().token(), Map.of("id", Client.newMessageId(), "text", "네!")));

        JsonNode inbox = ok(shared.client().get("/api/channels/" + shop.channel() + "/inbox", shop.owner().token())).json().path("conversations");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("customer").path("username").asText()).isEqualTo(sora.username());
        assertThat(inbox.get(0).path("room").path("kind").asText()).isEqualTo("CHANNEL");
        assertThat(inbox.get(0).path("room").path("unread").asInt()).as("the owner has read neither").isEqualTo(2);
        assertThat(shared.client().get("/api/channels/" + shop.channel() + "/inbox", sora.token()).field("error")).isEqualTo("forbidden");
    }

    @Test
    void orderShouldMoveAlongTheFlowAndEveryChangeShouldReachTheCustomersRoom() {
        Shop shop = Shop.open(shared.client(), "Bakery");
        User sora = shared.client().newUser("sora");
        String id = Shop.newId();

        Reply placed = shop.order(sora, id);
        Reply retried = shop.order(sora, id);

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().path("order").path("total").asLong()).isEqualTo(64000);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.field("status")).isEqualTo("duplicate");
        for (String status : List.of("ACCEPTED", "IN_PROGRESS", "READY", "COMPLETED")) {
            assertThat(ok(shop.move(shop.staff(), id, status, null, null)).field("status")).isEqualTo(status);
        }
        assertThat(ok(shared.client().get("/api/me/orders", sora.token())).json().path("orders").get(0).path("version").asInt()).isEqualTo(5);

        List<String> notices = notices(sora, "ORDER_UPDATE");
        assertThat(notices).containsExactly(id + ":NEW", id + ":ACCEPTED", id + ":IN_PROGRESS", id + ":READY", id + ":COMPLETED");
        JsonNode rooms = ok(shared.client().get("/api/rooms", sora.token())).json().path("rooms");
        assertThat(rooms.get(0).path("latest").path("target").asText()).isEqualTo(id + ":COMPLETED");
    }

    @Test
    void boardShouldFilterSearchAndExportCsv() {
        Shop shop = Shop.open(shared.client(), "Board");
        User sora = shared.client().newUser("sora");
        String first = Shop.newId();
        ok(shop.order(sora, first));
        String second = Shop.newId();
        ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/orders", sora.token(), Map.of("id", second,
                "items", List.of(Map.of("itemId", shop.cake(), "quantity", 1)), "note", "=HYPERLINK(\"x\"), 생일")));
        ok(shop.move(shop.owner(), first, "ACCEPTED", null, 1));

        JsonNode accepted = ok(shared.client().get("/api/channels/" + shop.channel() + "/orders?status=ACCEPTED", shop.staff().token()))
                .json().path("orders");
        JsonNode searched = ok(shared.client().get("/api/channels/" + shop.channel() + "/orders?q=%EC%83%9D%EC%9D%BC", shop.staff().token()))
                .json().path("orders");
        Reply csv = shared.client().get("/api/channels/" + shop.channel() + "/orders.csv", shop.staff().token());

        assertThat(accepted.findValuesAsText("id")).containsExactly(first);
        assertThat(searched.findValuesAsText("id")).containsExactly(second);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(3);
        assertThat(text).contains("order_id,created_at,status", first + ",", "ACCEPTED", "딸기 케이크 x2 (초코 글씨)",
                "\"'=HYPERLINK(\"\"x\"\"), 생일\"");
    }

    @Test
    void csvShouldExportEveryMatchingOrderNotOnePageAndSayWhereToGoOnPastItsLimit() throws Exception {
        Shop shop = Shop.open(shared.client(), "Busy bakery");
        User sora = shared.client().newUser("sora");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            placed.add(Shop.newId());
        }
        // Eight at a time, as several customers would: the writes share group commits.
        ExecutorService customers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> orders = new ArrayList<>();
            placed.forEach(id -> orders.add(customers.submit(() -> shop.order(sora, id))));
            for (Future<Reply> order : orders) {
                ok(order.get());
            }
        } finally {
            customers.shutdown();
        }
        String export = "/api/channels/" + shop.channel() + "/orders.csv";

        Reply all = ok(shared.client().get(export, shop.staff().token()));
        Reply first = ok(shared.client().get(export + "?limit=100", shop.staff().token()));
        Reply rest = ok(shared.client().get(export + "?limit=200&before=" + first.header("ieum-next"), shop.staff().token()));

        assertThat(orderIds(all)).hasSize(230).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(all.header("ieum-next")).isNull();
        assertThat(orderIds(first)).hasSize(100);
        assertThat(first.header("ieum-next")).isEqualTo(orderIds(first).get(99));
        assertThat(orderIds(rest)).hasSize(130).doesNotContainAnyElementsOf(orderIds(first));
        assertThat(rest.header("ieum-next")).isNull();
        assertThat(shared.client().get(export + "?limit=10001", shop.staff().token()).field("error")).isEqualTo("bad_request");
    }

    private static List<String> orderIds(Reply csv) {
        return new String(csv.bytes(), StandardCharsets.UTF_8).lines().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                .toList();
    }

    @Test
    void bookingShouldHoldItsSlotsUntilCancelledAndNotifyTheCustomer() {
        Shop shop = Shop.open(shared.client(), "Salon");
        User sora = shared.client().newUser("sora");
        User dae = shared.client().newUser("dae");
        String staffId = shop.staff().id();
        Instant ten = Shop.tomorrowAt(10, 0);
        String date = ten.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String id = Shop.newId();

        Reply booked = shop.book(sora, id, staffId, ten);
        Reply clash = shop.book(dae, Shop.newId(), staffId, ten.plusSeconds(1800));
        Reply retry = shop.book(sora, id, staffId, ten);

        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("booking").path("end").asText()).isEqualTo(ten.plusSeconds(3600).toString());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.field("error")).isEqualTo("slot_taken");
        assertThat(retry.status()).isEqualTo(200);
        List<String> free = ok(shared.client().get("/api/channels/" + shop.channel() + "/slots?serviceId=" + shop.haircut() + "&date=" + date
                + "&staffId=" + staffId, dae.token())).json().path("slots").findValuesAsText("start");
        assertThat(free).doesNotContain(ten.toString(), ten.minusSeconds(1800).toString(), ten.plusSeconds(1800).toString())
                .contains(ten.plusSeconds(3600).toString(), ten.minusSeconds(3600).toString());

        ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/bookings/" + id + "/confirm", shop.owner().token(), Map.of("version", 1)));
        ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/bookings/" + id + "/cancel", sora.token(),
                Map.of("reason", "아파요")));
        assertThat(shop.book(dae, Shop.newId(), staffId, ten.plusSeconds(1800)).status()).isEqualTo(201);
        assertThat(notices(sora, "BOOKING_UPDATE")).containsExactly(id + ":BOOKED:" + ten, id + ":CONFIRMED:" + ten,
                id + ":CANCELLED:" + ten);
        JsonNode calendar = ok(shared.client().get("/api/channels/" + shop.channel() + "/bookings?from=" + ten.minusSeconds(36000)
                + "&to=" + ten.plusSeconds(36000), shop.staff().token())).json().path("bookings");
        assertThat(calendar).hasSize(1);
        assertThat(calendar.get(0).path("customer").asText()).isEqualTo(dae.id());
    }

    @Test
    void rescheduleShouldMoveTheBookingAndFreeItsOldSlots() {
        Shop shop = Shop.open(shared.client(), "Salon 2");
        User sora = shared.client().newUser("sora");
        Instant ten = Shop.tomorrowAt(10, 0);
        String id = Shop.newId();
        ok(shop.book(sora, id, shop.staff().id(), ten));

        Reply moved = shared.client().json("POST", "/api/channels/" + shop.channel() + "/bookings/" + id + "/reschedule",
                shop.staff().token(), Map.of("start", ten.plusSeconds(7200).toString(), "staffId", shop.owner().id(), "version", 1));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("staffId").asText()).isEqualTo(shop.owner().id());
        assertThat(shop.book(shared.client().newUser("dae"), Shop.newId(), shop.staff().id(), ten).status()).isEqualTo(201);
    }

    @Test
    void announcementShouldReachEveryFollowersConversation() {
        Shop shop = Shop.open(shared.client(), "News");
        User sora = shared.client().newUser("sora");
        ok(shared.client().json("PUT", "/api/channels/" + shop.channel() + "/follow", sora.token(), null));

        ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/announcements", shop.owner().token(), Map.of("text", "내일 휴무")));

        assertThat(ok(shared.client().get("/api/channels/" + shop.channel() + "/announcements", sora.token())).json().path("announcements")
                .findValuesAsText("text")).containsExactly("내일 휴무");
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : history(sora)) {
            if (entry.path("kind").asText().equals("ANNOUNCEMENT")) {
                texts.add(entry.path("text").asText());
            }
        }
        assertThat(texts).containsExactly("내일 휴무");
    }

    /** The targets of the customer's notices of {@code kind}, oldest first, from their channel room. */
    private static List<String> notices(User customer, String kind) {
        List<String> targets = new ArrayList<>();
        for (JsonNode entry : history(customer)) {
            if (entry.path("kind").asText().equals(kind)) {
                targets.add(0, entry.path("target").asText());
            }
        }
        return targets;
    }

    private static JsonNode history(User customer) {
        JsonNode rooms = ok(shared.client().get("/api/rooms", customer.token())).json().path("rooms");
        String room = null;
        for (JsonNode r : rooms) {
            if (r.path("kind").asText().equals("CHANNEL")) {
                room = r.path("id").asText();
            }
        }
        assertThat(room).as("the customer's channel room").isNotNull();
        return ok(shared.client().get("/api/rooms/" + room + "/messages?limit=100", customer.token())).json().path("entries");
    }
}
