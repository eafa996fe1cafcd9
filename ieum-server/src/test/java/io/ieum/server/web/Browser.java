package io.ieum.server.web;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One user's headless Chromium (Debian's, set explicitly so Selenium Manager never downloads
 * anything), with its own profile directory, driving the web client. Tests borrow it from
 * {@link Browsers}, which clears what it kept of each server's origin between tests.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Set<String> origins = new LinkedHashSet<>();
    private URI base;

    Browser(Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=412,915", "--lang=en-US", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    /** Points this browser at a server; what it stores there is cleared by {@link #reset()}. */
    Browser at(URI server) {
        this.base = requireNonNull(server, "server");
        origins.add(server.getScheme() + "://" + server.getAuthority());
        return this;
    }

    /**
     * Forgets every origin visited (IndexedDB, service worker, caches), the viewport, time zone and
     * download settings: the next test starts as a first visit.
     */
    void reset() {
        driver.get("about:blank");
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        origins.clear();
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "")); // empty: the host's zone
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        base = null;
    }

    /** The page's time zone, as a person abroad has it (an IANA ID such as America/New_York). */
    void timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        waitFor(() -> zone.equals(js("return Intl.DateTimeFormat().resolvedOptions().timeZone")));
    }

    /** A phone-sized viewport (CSS pixels), as the page sees it. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        waitFor(() -> ((Number) js("return window.innerWidth")).intValue() == width);
    }

    /** Saves downloads into {@code dir} without asking. */
    void downloadTo(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open() {
        driver.get(base + "/");
        waitFor(() -> !driver.findElements(By.cssSelector("main.view")).isEmpty());
    }

    void logIn(String username, String password) {
        open();
        waitFor(() -> !driver.findElements(By.id("username")).isEmpty());
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("submit"));
        waitFor(() -> !driver.findElements(By.id("room-list")).isEmpty());
    }

    void language(String lang) {
        waitFor(() -> !driver.findElements(By.id("lang")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('lang'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", lang);
        waitFor(() -> lang.equals(js("return document.documentElement.lang")));
    }

    /** Goes to a screen of the app by its route, as the bottom navigation does. */
    void go(String hash) {
        js("location.hash = arguments[0]", hash);
        waitFor(() -> !driver.findElements(By.cssSelector("main.view-" + hash.replaceFirst("^#/", "").split("/")[0])).isEmpty());
    }

    /** Clicks the button {@code css} of the message with this text (reply, delete, download, retry). */
    void clickInMessage(String text, String css) {
        waitFor(() -> {
            message(text).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** The visible text of the first element matching {@code css}, or "" when there is none. */
    String text(String css) {
        return retrying(() -> {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        });
    }

    void openRoom(String roomId) {
        waitFor(() -> !driver.findElements(By.cssSelector("li[data-room='" + roomId + "'] a")).isEmpty());
        click(By.cssSelector("li[data-room='" + roomId + "'] a"));
        waitFor(() -> !driver.findElements(By.id("messages")).isEmpty());
    }

    void backToRooms() {
        click(By.cssSelector(".chat-bar .back"));
        waitFor(() -> !driver.findElements(By.id("room-list")).isEmpty());
    }

    void send(String text) {
        type(By.id("message-input"), text);
        click(By.id("send"));
    }

    void attach(Path file) {
        driver.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
    }

    /** Texts of the messages shown, oldest first. */
    List<String> texts() {
        return retrying(() -> driver.findElements(By.cssSelector("#messages li.msg")).stream()
                .map(li -> li.findElements(By.cssSelector(".text")).stream().map(WebElement::getText).findFirst().orElse(""))
                .toList());
    }

    /** The message with this text, or null. */
    WebElement message(String text) {
        return retrying(() -> driver.findElements(By.cssSelector("#messages li.msg")).stream()
                .filter(li -> li.findElements(By.cssSelector(".text")).stream().anyMatch(t -> t.getText().equals(text)))
                .findFirst().orElse(null));
    }

    String attribute(String text, String css, String attribute) {
        return retrying(() -> {
            WebElement li = message(text);
            if (li == null) {
                return null;
            }
            if (css == null) {
                return li.getAttribute(attribute);
            }
            List<WebElement> found = li.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0).getAttribute(attribute);
        });
    }

    /** "N" of "not yet read by N" on the message with this text; 0 when not shown. */
    int unreadBy(String text) {
        String n = attribute(text, ".unread", "data-unread");
        return n == null ? 0 : Integer.parseInt(n);
    }

    /** The unread badge of a room in the room list (0 when none). */
    int badge(String roomId) {
        return retrying(() -> {
            List<WebElement> rooms = driver.findElements(By.cssSelector("li[data-room='" + roomId + "']"));
            return rooms.isEmpty() ? -1 : Integer.parseInt(rooms.get(0).getAttribute("data-unread"));
        });
    }

    String status() {
        return retrying(() -> {
            List<WebElement> el = driver.findElements(By.id("site-status"));
            return el.isEmpty() ? "" : el.get(0).getText();
        });
    }

    void waitForServiceWorker() {
        waitFor(() -> Boolean.TRUE.equals(js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));
    }

    void reload() {
        driver.navigate().refresh();
        waitFor(() -> !driver.findElements(By.cssSelector("main.view")).isEmpty());
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(Supplier<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> Boolean.TRUE.equals(condition.get()));
    }

    void type(By by, String text) {
        waitFor(() -> driver.findElement(by).isDisplayed());
        WebElement el = driver.findElement(by);
        el.clear();
        el.sendKeys(text);
    }

    void click(By by) {
        waitFor(() -> {
            driver.findElement(by).click();
            return true;
        });
    }

    private static <T> T retrying(Supplier<T> read) {
        for (int attempt = 0; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
