package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.channel.Shop;
import io.ieum.server.support.Client.User;

/** A shop in the browser: the customer orders and books and sees the shop's changes live; the owner works the board and the calendar. */
class ShopBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @TempDir
    Path dir;

    @RegisterExtension
    final WebServer web = new WebServer();

    @Test
    void customerShouldFindTheShopOrderBookAndSeeEveryChangeLive() {
        Shop shop = Shop.open(web.client(), "Mina Cakes " + System.nanoTime() % 10_000);
        String name = web.client().get("/api/channels/" + shop.channel(), shop.owner().token()).json().path("channel").path("name").asText();
        User sora = WebFixture.user(web.client(), "sora", "Sora");
        Browser page = browsers.user(0, web.base());
        page.logIn(sora.username(), WebFixture.PASSWORD);

        page.go("#/channels");
        page.type(By.id("channel-query"), "mina cakes");
        page.click(By.id("channel-search"));
        page.click(By.cssSelector("#channel-results li[data-channel='" + shop.channel() + "'] a"));
        page.waitFor(() -> page.text("#channel-name").equals(name));
        page.click(By.id("follow"));
        page.waitFor(() -> "true".equals(ShopPage.attribute(page, "#follow", "aria-pressed")));

        // Two cakes with a chocolate message, delivered tomorrow at 15:00 with a note.
        Instant requested = Shop.tomorrowAt(15, 0);
        page.type(By.id("qty-" + shop.cake()), "2");
        page.click(By.id("opt-" + shop.cake() + "-0"));
        ShopPage.set(page, "#order-when", ShopPage.localDateTime(page, requested));
        ShopPage.set(page, "#order-fulfilment", "DELIVERY");
        page.type(By.id("order-address"), "서울시 마포구 1");
        page.type(By.id("order-note"), "생일 축하해요");
        page.click(By.id("place-order"));
        page.waitFor(() -> page.text("#my-orders li[data-order]").contains("Order"));
        String orderId = ShopPage.attribute(page, "#my-orders li[data-order]", "data-order");

        JsonNode stored = web.client().get("/api/channels/" + shop.channel() + "/orders/" + orderId, shop.staff().token()).json();
        assertThat(stored.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(stored.path("items").get(0).path("options").get(0).asText()).isEqualTo("초코 글씨");
        assertThat(stored.path("fulfilment").asText()).isEqualTo("DELIVERY");
        assertThat(stored.path("address").asText()).isEqualTo("서울시 마포구 1");
        assertThat(stored.path("note").asText()).isEqualTo("생일 축하해요");
        assertThat(Instant.parse(stored.path("requestedAt").asText())).isEqualTo(requested);
        assertThat(stored.path("total").asLong()).isEqualTo(64_000);

        // The shop accepts: the page shows it without a reload, through the notice pushed into the chat.
        Shop.ok(shop.move(shop.staff(), orderId, "ACCEPTED", null, 1));
        page.waitFor(() -> "ACCEPTED".equals(ShopPage.orderStatus(page, orderId)));
        assertThat(page.driver.findElements(By.cssSelector("li[data-order='" + orderId + "'] .cancel-order"))).isEmpty();

        // A second order, cancelled while still new.
        page.type(By.id("qty-" + shop.cake()), "1");
        page.click(By.id("place-order"));
        page.waitFor(() -> page.driver.findElements(By.cssSelector("#my-orders li[data-order]")).size() == 2);
        String second = (String) page.js("return [...document.querySelectorAll('#my-orders li[data-order]')]"
                + ".map((li) => li.dataset.order).find((id) => id !== arguments[0]);", orderId);
        page.click(By.cssSelector("li[data-order='" + second + "'] .cancel-order"));
        page.waitFor(() -> "CANCELLED".equals(ShopPage.orderStatus(page, second)));
        assertThat(web.client().get("/api/channels/" + shop.channel() + "/orders/" + second, sora.token()).field("status")).isEqualTo("CANCELLED");

        // Free slots for the haircut tomorrow; book the first; the shop confirms; then the customer cancels.
        ShopPage.set(page, "#booking-date", Shop.tomorrowAt(10, 0).toString().substring(0, 10));
        page.click(By.id("find-slots"));
        page.waitFor(() -> !page.driver.findElements(By.cssSelector("#slots button.slot")).isEmpty());
        String start = ShopPage.attribute(page, "#slots button.slot", "data-start");
        String staffId = ShopPage.attribute(page, "#slots button.slot", "data-staff");
        page.click(By.cssSelector("#slots button.slot"));
        page.waitFor(() -> page.text("#booking-result").startsWith("Booked"));
        page.waitFor(() -> "BOOKED".equals(ShopPage.attribute(page, "#my-bookings li[data-booking]", "data-status")));
        String bookingId = ShopPage.attribute(page, "#my-bookings li[data-booking]", "data-booking");
        assertThat(web.client().get("/api/channels/" + shop.channel() + "/bookings/" + bookingId, sora.token()).field("start"))
                .isEqualTo(start);
        // Taken: that staff member's time is no longer offered (the other one's still is).
        page.waitFor(() -> page.driver.findElements(By.cssSelector(
                "#slots button.slot[data-start='" + start + "'][data-staff='" + staffId + "']")).isEmpty());
        Shop.ok(web.client().json("POST", "/api/channels/" + shop.channel() + "/bookings/" + bookingId + "/confirm", shop.staff().token(),
                java.util.Map.of()));
        page.waitFor(() -> "CONFIRMED".equals(ShopPage.bookingStatus(page, bookingId)));
        page.screenshot(WebFixture.SCREENSHOTS.resolve("shop-customer-en.png"));
        page.click(By.cssSelector("li[data-booking='" + bookingId + "'] .cancel-booking"));
        page.waitFor(() -> "CANCELLED".equals(ShopPage.bookingStatus(page, bookingId)));
        assertThat(web.client().get("/api/channels/" + shop.channel() + "/bookings/" + bookingId, sora.token()).field("status"))
                .isEqualTo("CANCELLED");

        // The chat with the shop shows each change as a notice.
        page.click(By.id("channel-chat"));
        page.waitFor(() -> noticeTexts(page).stream().anyMatch(t -> t.endsWith(": Accepted")));
        assertThat(noticeTexts(page)).anyMatch(t -> t.startsWith("Booking") && t.contains("Confirmed"));
    }

    @Test
    void ownerShouldWorkTheOrderBoardAndTheCalendar() throws Exception {
        Shop shop = Shop.open(web.client(), "Board " + System.nanoTime() % 10_000);
        User sora = web.client().newUser("sora");
        String first = Shop.newId();
        String second = Shop.newId();
        Shop.ok(shop.order(sora, first));
        Shop.ok(shop.order(sora, second));
        String bookingId = Shop.newId();
        Instant ten = Shop.tomorrowAt(10, 0);
        Shop.ok(shop.book(sora, bookingId, shop.staff().id(), ten));

        Browser owner = browsers.user(0, web.base());
        owner.logIn(shop.owner().username(), WebFixture.PASSWORD);
        owner.go("#/channel/" + shop.channel());
        owner.click(By.id("to-board"));
        owner.waitFor(() -> "NEW".equals(ShopPage.orderStatus(owner, first)));
        assertThat(ShopPage.moves(owner, first)).containsExactly("ACCEPTED", "REJECTED", "CANCELLED");

        for (String status : List.of("ACCEPTED", "IN_PROGRESS", "READY", "COMPLETED")) {
            ShopPage.move(owner, first, status);
            owner.waitFor(() -> status.equals(ShopPage.orderStatus(owner, first)));
        }
        assertThat(ShopPage.moves(owner, first)).isEmpty();
        JsonNode done = web.client().get("/api/channels/" + shop.channel() + "/orders/" + first, shop.staff().token()).json();
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("version").asInt()).isEqualTo(5);

        // Rejecting needs a reason: refused on the page without one, applied with it.
        ShopPage.move(owner, second, "REJECTED");
        owner.waitFor(() -> owner.text(".view-board .error").equals("Write a reason first."));
        assertThat(ShopPage.orderStatus(owner, second)).isEqualTo("NEW");
        owner.type(By.cssSelector("li[data-order='" + second + "'] .reason"), "재료 소진");
        ShopPage.move(owner, second, "REJECTED");
        owner.waitFor(() -> "REJECTED".equals(ShopPage.orderStatus(owner, second)));
        assertThat(web.client().get("/api/channels/" + shop.channel() + "/orders/" + second, shop.staff().token()).field("reason"))
                .isEqualTo("재료 소진");

        // Filter by stage and search by order number.
        ShopPage.set(owner, "#board-filter", "COMPLETED");
        owner.waitFor(() -> shownOrders(owner).equals(List.of(first)));
        ShopPage.set(owner, "#board-filter", "");
        ShopPage.set(owner, "#board-search", second.substring(second.length() - 6));
        owner.waitFor(() -> shownOrders(owner).equals(List.of(second)));
        ShopPage.set(owner, "#board-search", "");

        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        owner.downloadTo(downloads);
        owner.click(By.id("export-csv"));
        String csv = Files.readString(WebFixture.downloaded(downloads, "orders-" + shop.channel() + ".csv"));
        assertThat(csv).contains(first).contains(second).contains("COMPLETED").contains("REJECTED");
        owner.screenshot(WebFixture.SCREENSHOTS.resolve("shop-board-en.png"));

        // The calendar of tomorrow: confirm, then move to 13:00 with the owner.
        owner.go("#/calendar/" + shop.channel() + "/" + ShopPage.shopDate(ten, ZoneOffset.UTC));
        owner.waitFor(() -> "BOOKED".equals(ShopPage.bookingStatus(owner, bookingId)));
        assertThat(ShopPage.attribute(owner, "li[data-booking='" + bookingId + "']", "data-booking")).isEqualTo(bookingId);
        assertThat((String) owner.js("return document.querySelector(`li[data-booking='${arguments[0]}']`).closest('section').dataset.staff;",
                bookingId)).isEqualTo(shop.staff().id());
        owner.click(By.cssSelector("li[data-booking='" + bookingId + "'] button.confirm"));
        owner.waitFor(() -> "CONFIRMED".equals(ShopPage.bookingStatus(owner, bookingId)));
        Instant one = Shop.tomorrowAt(13, 0);
        ShopPage.set(owner, "li[data-booking='" + bookingId + "'] .new-start", ShopPage.shopDateTime(one, ZoneOffset.UTC));
        ShopPage.set(owner, "li[data-booking='" + bookingId + "'] .new-staff", shop.owner().id());
        owner.click(By.cssSelector("li[data-booking='" + bookingId + "'] button.reschedule"));
        owner.waitFor(() -> shop.owner().id().equals(owner.js(
                "const li = document.querySelector(`li[data-booking='${arguments[0]}']`); return li && li.closest('section').dataset.staff;",
                bookingId)));
        JsonNode moved = web.client().get("/api/channels/" + shop.channel() + "/bookings/" + bookingId, sora.token()).json();
        assertThat(Instant.parse(moved.path("start").asText())).isEqualTo(one);
        assertThat(moved.path("staffId").asText()).isEqualTo(shop.owner().id());
        owner.screenshot(WebFixture.SCREENSHOTS.resolve("shop-calendar-en.png"));
        owner.click(By.cssSelector("li[data-booking='" + bookingId + "'] button.cancel"));
        owner.waitFor(() -> ShopPage.bookingStatus(owner, bookingId) == null);
        assertThat(web.client().get("/api/channels/" + shop.channel() + "/bookings/" + bookingId, sora.token()).field("status"))
                .isEqualTo("CANCELLED");

        // Korean, on a phone: every column stacks, nothing wider than the screen.
        owner.language("ko");
        owner.viewport(390, 844);
        owner.go("#/board/" + shop.channel());
        owner.waitFor(() -> owner.text("#board").contains("완료"));
        assertThat(((Number) owner.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        owner.go("#/calendar/" + shop.channel());
        owner.waitFor(() -> !owner.driver.findElements(By.cssSelector("#day section")).isEmpty());
        assertThat(((Number) owner.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        owner.go("#/board/" + shop.channel());
        owner.waitFor(() -> owner.text("#board").contains("완료"));
        owner.screenshot(WebFixture.SCREENSHOTS.resolve("shop-board-ko.png"));
    }

    @Test
    void ownerShouldOpenAShopAndRunItFromTheManagePage() {
        User owner = WebFixture.user(web.client(), "owner", "Mina");
        User joon = WebFixture.user(web.client(), "joon", "Joon");
        User sora = WebFixture.user(web.client(), "sora", "Sora");
        Browser page = browsers.user(0, web.base());
        page.logIn(owner.username(), WebFixture.PASSWORD);

        page.go("#/channels");
        page.type(By.id("new-channel-name"), "미나 헤어");
        page.type(By.id("new-channel-description"), "동네 미용실");
        page.type(By.id("new-channel-hours"), "매일 9-18");
        page.type(By.id("new-channel-contact"), "02-123-4567");
        page.driver.findElement(By.id("new-channel-picture")).sendKeys(WebFixture.png(dir).toAbsolutePath().toString());
        page.click(By.id("create-channel-submit"));
        page.waitFor(() -> page.text("#channel-name").equals("미나 헤어"));
        String channel = ((String) page.js("return location.hash;")).replace("#/channel/", "");
        JsonNode created = web.client().get("/api/channels/" + channel, owner.token()).json();
        assertThat(created.path("role").asText()).isEqualTo("OWNER");
        assertThat(created.path("channel").path("contact").asText()).isEqualTo("02-123-4567");
        assertThat(created.path("channel").path("picture").asText()).hasSize(64);

        page.click(By.id("to-manage"));
        page.type(By.id("staff-username"), joon.username());
        page.click(By.id("add-staff"));
        page.waitFor(() -> page.text("#staff").contains("Joon"));

        page.type(By.id("item-name"), "Shampoo");
        page.type(By.id("item-price"), "12000");
        page.type(By.id("item-options"), "small, large");
        page.click(By.id("add-item"));
        page.waitFor(() -> page.text("#items").contains("Shampoo"));
        ShopPage.set(page, "#item-kind", "SERVICE");
        page.type(By.id("item-name"), "Cut");
        page.type(By.id("item-price"), "20000");
        page.type(By.id("item-minutes"), "30");
        page.click(By.id("add-item"));
        page.waitFor(() -> page.text("#items").contains("Cut"));
        JsonNode catalogue = web.client().get("/api/channels/" + channel, owner.token()).json().path("catalogue");
        assertThat(catalogue.findValuesAsText("name")).containsExactlyInAnyOrder("Shampoo", "Cut");
        assertThat(catalogue.findValues("options").get(0).toString()).isEqualTo("[\"small\",\"large\"]");

        ShopPage.set(page, "#cal-zone", "Asia/Seoul");
        page.type(By.id("cal-staff"), owner.username() + ", " + joon.username());
        page.click(By.id("save-calendar"));
        page.waitFor(() -> page.text("#cal-saved").equals("Saved"));
        JsonNode calendar = web.client().get("/api/channels/" + channel + "/calendar", sora.token()).json();
        assertThat(calendar.path("zone").asText()).isEqualTo("Asia/Seoul");
        assertThat(calendar.path("staff").toString()).contains(owner.id()).contains(joon.id());

        // A customer follows and writes: the conversation shows in the inbox with its unread count, live.
        Shop.ok(web.client().json("PUT", "/api/channels/" + channel + "/follow", sora.token(), null));
        String room = web.client().json("POST", "/api/channels/" + channel + "/conversation", sora.token(), null).field("id");
        WebFixture.send(web.client(), sora, room, "예약 가능한가요?");
        page.waitFor(() -> "1".equals(ShopPage.attribute(page, "#inbox li[data-room='" + room + "']", "data-unread")));

        page.type(By.id("announcement"), "내일 휴무입니다");
        page.click(By.id("send-announcement"));
        page.waitFor(() -> web.client().get("/api/rooms/" + room + "/messages?limit=20", sora.token()).json().path("entries")
                .findValuesAsText("kind").contains("ANNOUNCEMENT"));

        page.click(By.cssSelector("#items li[data-item] .toggle-available"));
        page.waitFor(() -> web.client().get("/api/channels/" + channel, owner.token()).json().path("catalogue").findValuesAsText("available")
                .contains("false"));
        page.screenshot(WebFixture.SCREENSHOTS.resolve("shop-manage-en.png"));
    }

    @SuppressWarnings("unchecked")
    static List<String> shownOrders(Browser browser) {
        return (List<String>) browser.js("return [...document.querySelectorAll('#board li[data-order]')].map((li) => li.dataset.order);");
    }

    @SuppressWarnings("unchecked")
    private static List<String> noticeTexts(Browser browser) {
        return (List<String>) browser.js("return [...document.querySelectorAll('#messages li.notice')].map((li) => li.textContent);");
    }
}
