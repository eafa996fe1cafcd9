package io.ieum.server.channel;

import static io.ieum.server.channel.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.core.store.contract.Concurrently;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;
import io.ieum.server.support.SharedServer;

/**
 * Many customers and staff at once on one node: exactly one booking per slot and one winner per
 * order change, and every "booked"/"changed" answer backed by what is stored.
 */
class ChannelStormTest {

    static final int CUSTOMERS = 32;

    @RegisterExtension
    static final SharedServer shared = new SharedServer();

    @Test
    void bookingStormShouldLeaveExactlyOneBookingPerSlotAndEveryBookedAnswerStored() throws Exception {
        Shop shop = Shop.open(shared.client(), "Storm salon");
        String staffId = shop.staff().id();
        List<Instant> starts = List.of(Shop.tomorrowAt(10, 0), Shop.tomorrowAt(11, 0), Shop.tomorrowAt(12, 0),
                Shop.tomorrowAt(12, 30));
        List<User> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(shared.client().newUser("c"));
        }
        List<Callable<Reply[]>> attempts = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            User customer = customers.get(i);
            Instant start = starts.get(i % starts.size());
            attempts.add(() -> {
                String id = Shop.newId();
                // Each customer retries once with the same ID, as after a timeout.
                return new Reply[] {shop.book(customer, id, staffId, start), shop.book(customer, id, staffId, start)};
            });
        }

        List<Reply[]> replies = Concurrently.run(attempts);

        Map<String, String> bookedBy = new HashMap<>();
        int taken = 0;
        for (Reply[] pair : replies) {
            Reply first = pair[0];
            if (first.status() == 201) {
                JsonNode booking = first.json().path("booking");
                assertThat(bookedBy.put(booking.path("start").asText(), booking.path("id").asText()))
                        .as("a second booking for %s", booking.path("start").asText()).isNull();
                assertThat(pair[1].status()).as(pair[1].toString()).isEqualTo(200);
                assertThat(pair[1].json().path("booking").path("id").asText()).isEqualTo(booking.path("id").asText());
            } else {
                assertThat(first.field("error")).as(first.toString()).isEqualTo("slot_taken");
                assertThat(pair[1].field("error")).isEqualTo("slot_taken");
                taken++;
            }
        }
        // 12:00 (50 min → two slots, to 13:00) and 12:30 overlap: one of them wins, so three or four bookings.
        assertThat(bookedBy.size()).isBetween(3, 4);
        assertThat(bookedBy.size() + taken).isEqualTo(CUSTOMERS);
        JsonNode calendar = ok(shared.client().get("/api/channels/" + shop.channel() + "/bookings?from=" + starts.get(0).minusSeconds(3600)
                + "&to=" + starts.get(0).plusSeconds(8 * 3600), shop.owner().token())).json().path("bookings");
        Map<String, String> stored = new HashMap<>();
        calendar.forEach(b -> stored.put(b.path("start").asText(), b.path("id").asText()));
        assertThat(stored).isEqualTo(bookedBy);
        assertNoOverlap(calendar);
    }

    private static void assertNoOverlap(JsonNode bookings) {
        List<Instant[]> spans = new ArrayList<>();
        bookings.forEach(b -> spans.add(new Instant[] {Instant.parse(b.path("start").asText()), Instant.parse(b.path("end").asText())}));
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                boolean overlap = spans.get(i)[0].isBefore(spans.get(j)[1]) && spans.get(j)[0].isBefore(spans.get(i)[1]);
                assertThat(overlap).as("bookings %d and %d overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void concurrentAcceptAndRejectShouldLetExactlyOneWinPerOrder() throws Exception {
        Shop shop = Shop.open(shared.client(), "Storm bakery");
        User sora = shared.client().newUser("sora");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = Shop.newId();
            ok(shop.order(sora, id));
            orders.add(id);
        }
        List<Callable<Reply>> moves = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (String order : orders) {
            for (int staff = 0; staff < 6; staff++) {
                boolean accept = staff % 2 == 0;
                User who = staff % 3 == 0 ? shop.owner() : shop.staff();
                wanted.add(accept ? "ACCEPTED" : "REJECTED");
                moves.add(() -> shop.move(who, order, accept ? "ACCEPTED" : "REJECTED", accept ? null : "sold out", null));
            }
        }

        List<Reply> replies = Concurrently.run(moves);

        Map<String, String> winners = new HashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            String order = orders.get(i / 6);
            if (reply.status() == 200) {
                assertThat(winners.put(order, wanted.get(i))).as("a second winner for %s", order).isNull();
                assertThat(reply.field("status")).isEqualTo(wanted.get(i));
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                assertThat(reply.field("error")).isIn("invalid_transition", "state_changed");
            }
        }
        assertThat(winners.keySet()).containsExactlyInAnyOrderElementsOf(orders);
        for (String order : orders) {
            JsonNode stored = ok(shared.client().get("/api/channels/" + shop.channel() + "/orders/" + order, sora.token())).json();
            assertThat(stored.path("status").asText()).isEqualTo(winners.get(order));
            assertThat(stored.path("version").asInt()).isEqualTo(2);
        }
        Set<String> notices = new HashSet<>();
        String room = ok(shared.client().json("POST", "/api/channels/" + shop.channel() + "/conversation", sora.token(), null)).field("id");
        ok(shared.client().get("/api/rooms/" + room + "/messages?limit=100", sora.token())).json().path("entries").forEach(e -> {
            if (e.path("kind").asText().equals("ORDER_UPDATE") && !e.path("target").asText().endsWith(":NEW")) {
                assertThat(notices.add(e.path("target").asText())).as("one notice per applied change").isTrue();
            }
        });
        assertThat(notices).hasSize(orders.size());
    }
}
