package io.ieum.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ieum.core.id.Ids;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;

/**
 * A shop set up over the REST API: an owner and a staff member, a cake (with options) and a haircut
 * (50 minutes on a 30-minute grid), and a calendar open every day 09:00-18:00 UTC for both.
 */
public record Shop(Client client, User owner, User staff, String channel, String cake, String haircut) {

    public static Shop open(Client client, String name) {
        User owner = client.newUser("owner");
        User staff = client.newUser("staff");
        Reply created = client.json("POST", "/api/channels", owner.token(), Map.of("name", name, "description", "케이크 전문점",
                "openingHours", "매일 9-18", "contact", "02-123-4567"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String channel = created.json().path("channel").path("id").asText();
        ok(client.json("PUT", "/api/channels/" + channel + "/staff/" + staff.username(), owner.token(), null));
        String cake = item(client, owner, channel, Map.of("kind", "PRODUCT", "name", "딸기 케이크", "price", 32000,
                "options", List.of("초코 글씨", "초 5개")));
        String haircut = item(client, owner, channel, Map.of("kind", "SERVICE", "name", "Haircut", "price", 25000,
                "durationMinutes", 50));
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", "09:00", "close", "18:00"));
        }
        ok(client.json("PUT", "/api/channels/" + channel + "/calendar", staff.token(), Map.of("zone", "UTC", "slotMinutes", 30,
                "hours", hours, "staff", List.of(owner.username(), staff.username()))));
        return new Shop(client, owner, staff, channel, cake, haircut);
    }

    private static String item(Client client, User owner, String channel, Map<String, Object> body) {
        Reply reply = client.json("POST", "/api/channels/" + channel + "/items", owner.token(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.field("id");
    }

    public static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return reply;
    }

    /** 10:00 UTC tomorrow (a day the shop is open), on the slot grid. */
    public static Instant tomorrowAt(int hour, int minute) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }

    public static String newId() {
        return Ids.newTimeOrdered().toString();
    }

    public Map<String, Object> cakeOrder(String id) {
        return Map.of("id", id, "items", List.of(Map.of("itemId", cake, "quantity", 2, "options", List.of("초코 글씨"))),
                "fulfilment", "DELIVERY", "address", "서울시 마포구 1", "note", "문 앞에 두세요");
    }

    public Reply order(User customer, String id) {
        return client.json("POST", "/api/channels/" + channel + "/orders", customer.token(), cakeOrder(id));
    }

    public Reply move(User who, String orderId, String status, String reason, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (version != null) {
            body.put("version", version);
        }
        return client.json("POST", "/api/channels/" + channel + "/orders/" + orderId + "/status", who.token(), body);
    }

    public Reply book(User customer, String id, String staffId, Instant start) {
        return client.json("POST", "/api/channels/" + channel + "/bookings", customer.token(),
                Map.of("id", id, "serviceId", haircut, "staffId", staffId, "start", start.toString()));
    }
}
