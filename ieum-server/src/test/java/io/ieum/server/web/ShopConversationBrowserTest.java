package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.channel.Shop;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;

/**
 * A customer's conversation with a shop outside the shop's pages: the room list's preview of a
 * booking notice in the shop's zone (ADR 0013), and the chat's shop header kept for offline use
 * like the other saved data (ADR 0011).
 */
class ShopConversationBrowserTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String ABROAD = "America/New_York";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    final WebServer web = new WebServer();

    @TempDir
    Path dir;

    private Shop shop;
    private User sora;
    private String room;

    /** A Seoul salon with a picture, and Sora (abroad) booked for 09:00 Seoul time tomorrow. */
    @BeforeEach
    void soraBookedASeoulSalon() throws IOException {
        Client client = web.client();
        shop = Shop.open(client, "Seoul Salon " + System.nanoTime() % 10_000);
        Reply upload = Shop.ok(client.call("POST", "/api/attachments?name=salon.png", shop.owner().token(), "image/png",
                Files.readAllBytes(WebFixture.png(dir)), Map.of()));
        Shop.ok(client.json("PUT", "/api/channels/" + shop.channel(), shop.owner().token(), Map.of("name", "Seoul Salon",
                "picture", upload.field("sha256"))));
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", "09:00", "close", "18:00"));
        }
        Shop.ok(client.json("PUT", "/api/channels/" + shop.channel() + "/calendar", shop.owner().token(), Map.of("zone", SEOUL.getId(),
                "slotMinutes", 30, "hours", hours, "staff", List.of(shop.staff().username()))));
        sora = WebFixture.user(client, "sora", "Sora");
        room = Shop.ok(client.json("POST", "/api/channels/" + shop.channel() + "/conversation", sora.token(), null)).field("id");
        String nineInSeoul = LocalDate.now(SEOUL).plusDays(1).atTime(9, 0).atZone(SEOUL).toInstant().toString();
        Shop.ok(shop.book(sora, Shop.newId(), shop.staff().id(), java.time.Instant.parse(nineInSeoul)));
    }

    @Test
    void theRoomListShouldPreviewABookingNoticeInTheShopsZoneLabelled() {
        Browser page = browsers.user(0, web.base());
        page.timeZone(ABROAD);
        page.logIn(sora.username(), WebFixture.PASSWORD);
        page.go("#/rooms");
        String preview = "#room-list li[data-room='" + room + "'] .preview";
        page.waitFor(() -> page.text(preview).contains("(Asia/Seoul)"));
        // 09:00 in Seoul, never New York's 19:00/20:00 of the day before.
        assertThat(page.text(preview)).contains("9:00").doesNotContain("7:00", "8:00");
    }

    @Test
    void theChatShouldShowTheShopsPictureNameAndZoneWithNoSiteReachable() {
        Browser page = browsers.user(0, web.base());
        page.timeZone(ABROAD);
        page.logIn(sora.username(), WebFixture.PASSWORD);
        page.go("#/room/" + room);
        page.waitFor(() -> pictureWidth(page) == 160 && page.text("#messages li.notice").contains("(Asia/Seoul)"));
        assertThat(page.text("#room-title")).isEqualTo("Seoul Salon");
        page.waitForServiceWorker();

        web.stop();
        page.reload();
        page.waitFor(() -> pictureWidth(page) == 160);
        assertThat(page.text("#room-title")).isEqualTo("Seoul Salon");
        page.waitFor(() -> page.text("#messages li.notice").contains("9:00"));
        assertThat(page.text("#messages li.notice")).contains("(Asia/Seoul)");
    }

    private static int pictureWidth(Browser browser) {
        Object width = browser.js("const img = document.querySelector('#room-shop img'); return img && img.complete ? img.naturalWidth : 0;");
        return ((Number) width).intValue();
    }
}
