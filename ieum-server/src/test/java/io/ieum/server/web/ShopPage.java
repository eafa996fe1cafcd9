package io.ieum.server.web;

import java.time.Instant;
import java.util.List;

import org.openqa.selenium.By;

/** What the shop screens show, read from their data attributes, and inputs the keyboard cannot fill reliably. */
final class ShopPage {

    private ShopPage() {}

    /** The attribute of the first element matching {@code css}, or null. */
    static String attribute(Browser browser, String css, String name) {
        return (String) browser.js("const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);", css, name);
    }

    static String orderStatus(Browser browser, String orderId) {
        return attribute(browser, "li[data-order='" + orderId + "']", "data-status");
    }

    static String bookingStatus(Browser browser, String bookingId) {
        return attribute(browser, "li[data-booking='" + bookingId + "']", "data-status");
    }

    /** The moves offered on an order card (the {@code data-to} of its buttons). */
    @SuppressWarnings("unchecked")
    static List<String> moves(Browser browser, String orderId) {
        return (List<String>) browser.js("return [...document.querySelectorAll(`li[data-order='${arguments[0]}'] button.move`)]"
                + ".map((b) => b.dataset.to);", orderId);
    }

    static void move(Browser browser, String orderId, String to) {
        browser.click(By.cssSelector("li[data-order='" + orderId + "'] button.move[data-to='" + to + "']"));
    }

    /** Sets a form control's value as a user would and tells the page (change and input events). */
    static void set(Browser browser, String css, String value) {
        browser.waitFor(() -> Boolean.TRUE.equals(browser.js("return !!document.querySelector(arguments[0]);", css)));
        browser.js("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    /** The browser's own local date-time text ({@code datetime-local}) for an instant. */
    static String localDateTime(Browser browser, Instant instant) {
        return (String) browser.js("const d = new Date(arguments[0]); const p = (n) => String(n).padStart(2, '0');"
                + " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;",
                instant.toString());
    }

    /** The shop's date and time ({@code datetime-local}) of an instant in its calendar's zone: what the calendar takes. */
    static String shopDateTime(Instant instant, java.time.ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    /** The shop's date ({@code yyyy-MM-dd}) of an instant in its calendar's zone. */
    static String shopDate(Instant instant, java.time.ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString();
    }
}
