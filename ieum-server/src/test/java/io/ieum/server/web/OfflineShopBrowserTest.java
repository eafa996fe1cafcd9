package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.IeumServer;
import io.ieum.server.channel.Shop;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * The shop's order board and the day's bookings with no server at all: readable from IndexedDB; a
 * move and a booking confirmation made offline are applied once when the server is back, and a move
 * the shop overtook meanwhile (from another site) is shown as refused.
 */
class OfflineShopBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    final WebServer web = new WebServer();

    @Test
    void boardAndBookingsShouldStayReadableOfflineAndQueuedMovesBeAppliedOnceOrShownRefused() {
        Client client = web.client();
        Shop shop = Shop.open(client, "Offline " + System.nanoTime() % 10_000);
        openAllDay(client, shop);
        User sora = client.newUser("sora");
        String applied = Shop.newId();
        String overtaken = Shop.newId();
        Shop.ok(shop.order(sora, applied));
        Shop.ok(shop.order(sora, overtaken));
        // The next whole hour: a booking of today, unless the 50 minutes would pass closing (23:30 UTC);
        // then midnight, the first slot of tomorrow.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        if (start.atZone(ZoneOffset.UTC).getHour() == 23) {
            start = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        }
        String bookingId = Shop.newId();
        Shop.ok(shop.book(sora, bookingId, shop.staff().id(), start));

        Browser owner = browsers.user(0, web.base());
        owner.logIn(shop.owner().username(), WebFixture.PASSWORD);
        owner.go("#/board/" + shop.channel());
        owner.waitFor(() -> "NEW".equals(ShopPage.orderStatus(owner, applied)) && "NEW".equals(ShopPage.orderStatus(owner, overtaken)));
        String day = ShopPage.shopDate(start, ZoneOffset.UTC);
        owner.go("#/calendar/" + shop.channel() + "/" + day);
        owner.waitFor(() -> "BOOKED".equals(ShopPage.bookingStatus(owner, bookingId)));
        owner.waitForServiceWorker();

        web.stop();
        owner.go("#/board/" + shop.channel());
        owner.reload();
        owner.waitFor(() -> "NEW".equals(ShopPage.orderStatus(owner, applied)) && "NEW".equals(ShopPage.orderStatus(owner, overtaken)));
        owner.waitFor(() -> ShopPage.attribute(owner, "#board-offline", "hidden") == null);
        owner.go("#/calendar/" + shop.channel() + "/" + day);
        owner.waitFor(() -> "BOOKED".equals(ShopPage.bookingStatus(owner, bookingId)));
        owner.waitFor(() -> ShopPage.attribute(owner, "#calendar-offline", "hidden") == null);
        owner.click(org.openqa.selenium.By.cssSelector("li[data-booking='" + bookingId + "'] button.confirm"));
        owner.waitFor(() -> "confirm".equals(ShopPage.attribute(owner, "li[data-booking='" + bookingId + "']", "data-pending")));

        owner.go("#/board/" + shop.channel());
        owner.waitFor(() -> "NEW".equals(ShopPage.orderStatus(owner, applied)));
        ShopPage.move(owner, applied, "ACCEPTED");
        owner.waitFor(() -> "ACCEPTED".equals(ShopPage.attribute(owner, "li[data-order='" + applied + "']", "data-pending")));
        ShopPage.move(owner, overtaken, "ACCEPTED");
        owner.waitFor(() -> "ACCEPTED".equals(ShopPage.attribute(owner, "li[data-order='" + overtaken + "']", "data-pending")));
        owner.screenshot(WebFixture.SCREENSHOTS.resolve("shop-board-offline-en.png"));

        // Meanwhile, through another site the page does not know, staff reject the second order.
        IeumServer other = WebFixture.start(web.dataDir(), 0, List.of());
        try {
            Shop.ok(new Shop(new Client(other.uri()), shop.owner(), shop.staff(), shop.channel(), shop.cake(), shop.haircut())
                    .move(shop.staff(), overtaken, "REJECTED", "재료 소진", 1));
        } finally {
            other.close();
        }

        web.restart();
        owner.waitFor(() -> "ACCEPTED".equals(ShopPage.orderStatus(owner, applied))
                && ShopPage.attribute(owner, "li[data-order='" + applied + "']", "data-pending") == null);
        owner.waitFor(() -> "ACCEPTED".equals(ShopPage.attribute(owner, "li[data-order='" + overtaken + "']", "data-refused")));
        owner.waitFor(() -> "REJECTED".equals(ShopPage.orderStatus(owner, overtaken)));

        Client back = web.client();
        JsonNode first = back.get("/api/channels/" + shop.channel() + "/orders/" + applied, shop.staff().token()).json();
        assertThat(first.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.path("version").asInt()).as("applied exactly once").isEqualTo(2);
        JsonNode second = back.get("/api/channels/" + shop.channel() + "/orders/" + overtaken, shop.staff().token()).json();
        assertThat(second.path("status").asText()).isEqualTo("REJECTED");
        assertThat(second.path("version").asInt()).isEqualTo(2);
        assertThat(owner.text("li[data-order='" + overtaken + "'] .refused")).startsWith("Refused (Accepted)");
        await().atMost(Browser.WAIT).until(() -> back.get("/api/channels/" + shop.channel() + "/bookings/" + bookingId,
                shop.staff().token()).field("status").equals("CONFIRMED"));
        assertThat(back.get("/api/channels/" + shop.channel() + "/bookings/" + bookingId, shop.staff().token()).json()
                .path("version").asInt()).as("confirmed once").isEqualTo(2);
    }

    /** Opening hours 00:00-23:30 every day, so a booking an hour from now is always inside them. */
    private static void openAllDay(Client client, Shop shop) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", "00:00", "close", "23:30"));
        }
        Shop.ok(client.json("PUT", "/api/channels/" + shop.channel() + "/calendar", shop.owner().token(), Map.of("zone", "UTC",
                "slotMinutes", 30, "hours", hours, "staff", List.of(shop.owner().username(), shop.staff().username()))));
    }
}
