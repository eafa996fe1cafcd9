package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import io.ieum.server.channel.Shop;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;
import io.ieum.server.support.Reply;

/**
 * What a shop looks like from afar: its picture where customers meet it, who serves a booking, times
 * in the shop's own zone for a customer abroad, and an order board longer than one page.
 */
class ShopPresentationBrowserTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String ABROAD = "America/New_York";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    final WebServer web = new WebServer();

    @TempDir
    Path dir;

    @Test
    void aCustomerAbroadShouldSeeTheShopsPictureAndBookInTheShopsTimeWithTheStaffMembersName() throws IOException {
        Client client = web.client();
        Shop shop = Shop.open(client, "Seoul Salon " + System.nanoTime() % 10_000);
        Reply upload = Shop.ok(client.call("POST", "/api/attachments?name=salon.png", shop.owner().token(), "image/png",
                Files.readAllBytes(WebFixture.png(dir)), Map.of()));
        Shop.ok(client.json("PUT", "/api/channels/" + shop.channel(), shop.owner().token(), Map.of("name", "Seoul Salon",
                "picture", upload.field("sha256"))));
        Shop.ok(client.json("PATCH", "/api/me", shop.staff().token(), Map.of("displayName", "미용사 준")));
        openInSeoul(client, shop);
        User sora = WebFixture.user(client, "sora", "Sora");
        String seoulTomorrow = LocalDate.now(SEOUL).plusDays(1).toString();

        Browser page = browsers.user(0, web.base());
        page.timeZone(ABROAD);
        page.logIn(sora.username(), WebFixture.PASSWORD);
        page.go("#/channels");
        page.type(By.id("channel-query"), "seoul salon");
        page.click(By.id("channel-search"));
        page.waitFor(() -> pictureWidth(page, "#channel-results li[data-channel='" + shop.channel() + "'] .shop-picture img") == 160);
        page.click(By.cssSelector("#channel-results li[data-channel='" + shop.channel() + "'] a"));
        page.waitFor(() -> pictureWidth(page, "#channel-picture img") == 160);

        page.waitFor(() -> SEOUL.getId().equals(ShopPage.attribute(page, "#booking-zone", "data-zone")));
        ShopPage.set(page, "#booking-date", seoulTomorrow);
        page.click(By.id("find-slots"));
        String staffSlot = "#slots button.slot[data-staff='" + shop.staff().id() + "']";
        page.waitFor(() -> page.text(staffSlot).startsWith("09:00"));
        // 09:00 in Seoul is 19:00 or 20:00 of the day before in New York: shown beside it, never instead.
        String dayBefore = LocalDate.parse(seoulTomorrow).minusDays(1).format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH));
        assertThat(page.text(staffSlot)).matches("09:00 \\(" + dayBefore + " (19|20):00 your time\\) · 미용사 준");
        page.click(By.cssSelector(staffSlot));
        page.waitFor(() -> page.text("#booking-result").contains("(Asia/Seoul)"));
        page.waitFor(() -> page.text("#my-bookings .booking-when").contains("9:00"));
        assertThat(page.text("#my-bookings .booking-when")).contains("(Asia/Seoul)", "미용사 준");
        String booked = client.get("/api/me/bookings", sora.token()).json().path("bookings").get(0).path("start").asText();
        assertThat(booked).isEqualTo(LocalDate.parse(seoulTomorrow).atTime(9, 0).atZone(SEOUL).toInstant().toString());
        page.js("document.getElementById('booking-title').scrollIntoView()");
        page.screenshot(WebFixture.SCREENSHOTS.resolve("shop-abroad-en.png"));

        page.click(By.id("channel-chat"));
        page.waitFor(() -> pictureWidth(page, "#room-shop img") == 160);
        assertThat(page.text("#room-title")).isEqualTo("Seoul Salon");
        page.waitFor(() -> page.text("#messages li.notice").contains("9:00") && page.text("#messages li.notice").contains("(Asia/Seoul)"));

        Browser owner = browsers.user(1, web.base());
        owner.timeZone(ABROAD);
        owner.logIn(shop.owner().username(), WebFixture.PASSWORD);
        owner.go("#/calendar/" + shop.channel() + "/" + seoulTomorrow);
        owner.waitFor(() -> owner.text("#day section[data-staff='" + shop.staff().id() + "'] .booking-time").startsWith("09:00–10:00"));
        assertThat(owner.text("#day section[data-staff='" + shop.staff().id() + "'] h2")).startsWith("미용사 준");
        assertThat(owner.text("#calendar-zone")).contains("Asia/Seoul");
    }

    @Test
    void theBoardShouldReachEveryOrderBeyondTheFirstPageBySearchFilterAndLoadingOlderAndKeepThemOffline() {
        Client client = web.client();
        Shop shop = Shop.open(client, "Busy Bakery " + System.nanoTime() % 10_000);
        User sora = client.newUser("sora");
        String oldest = Shop.newId();
        Shop.ok(client.json("POST", "/api/channels/" + shop.channel() + "/orders", sora.token(), Map.of("id", oldest,
                "items", List.of(Map.of("itemId", shop.cake(), "quantity", 1)), "note", "first ever order")));
        String secondOldest = Shop.newId();
        Shop.ok(shop.order(sora, secondOldest));
        Shop.ok(shop.move(shop.owner(), secondOldest, "ACCEPTED", null, 1));
        for (int i = 0; i < 203; i++) {
            Shop.ok(shop.order(sora, Shop.newId()));
        }

        Browser owner = browsers.user(0, web.base());
        owner.logIn(shop.owner().username(), WebFixture.PASSWORD);
        owner.go("#/board/" + shop.channel());
        owner.waitFor(() -> "200".equals(ShopPage.attribute(owner, "#board-count", "data-count")));
        assertThat(ShopBrowserTest.shownOrders(owner)).hasSize(200).doesNotContain(oldest, secondOldest);

        ShopPage.set(owner, "#board-search", "first ever");
        owner.waitFor(() -> ShopBrowserTest.shownOrders(owner).equals(List.of(oldest)));
        ShopPage.set(owner, "#board-search", "");
        ShopPage.set(owner, "#board-filter", "ACCEPTED");
        owner.waitFor(() -> ShopBrowserTest.shownOrders(owner).equals(List.of(secondOldest)));
        ShopPage.set(owner, "#board-filter", "");

        owner.click(By.id("board-more"));
        // A try that met no site (on a loaded machine the page may lose its site for a moment) brings
        // the button back once the site answers again; a person would press it again, so does the test.
        owner.waitFor(() -> ShopBrowserTest.shownOrders(owner).size() == 205 || Boolean.FALSE.equals(owner.js(
                "const b = document.getElementById('board-more'); if (b && !b.hidden && !b.disabled) b.click(); return false;")));
        owner.waitFor(() -> ShopPage.attribute(owner, "#board-more", "hidden") != null);
        owner.waitForServiceWorker();

        web.stop();
        owner.reload();
        owner.waitFor(() -> ShopPage.attribute(owner, "#board-offline", "hidden") == null);
        owner.waitFor(() -> ShopBrowserTest.shownOrders(owner).size() == 205);
        assertThat(ShopBrowserTest.shownOrders(owner)).contains(oldest, secondOldest);
    }

    /** Open 09:00-18:00 Seoul time every day, for both of the shop's staff. */
    private static void openInSeoul(Client client, Shop shop) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", "09:00", "close", "18:00"));
        }
        Shop.ok(client.json("PUT", "/api/channels/" + shop.channel() + "/calendar", shop.owner().token(), Map.of("zone", SEOUL.getId(),
                "slotMinutes", 30, "hours", hours, "staff", List.of(shop.owner().username(), shop.staff().username()))));
    }

    /** The natural width of the first image matching {@code css} once loaded (0 until then). */
    private static int pictureWidth(Browser browser, String css) {
        Object width = browser.js("const img = document.querySelector(arguments[0]); return img && img.complete ? img.naturalWidth : 0;", css);
        return ((Number) width).intValue();
    }
}
