package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client.User;

/** Profile, friends, blocks, groups and the data download, in real Chromium against a real server. */
class PeopleBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    /** One server for the class (a stop costs seconds); every test makes its own users and rooms. */
    @RegisterExtension
    static final WebServer web = new WebServer();

    @TempDir
    Path dir;

    private User minaUser;
    private User joonUser;

    @BeforeEach
    void users() {
        minaUser = WebFixture.user(web.client(), "mina", "Mina");
        joonUser = WebFixture.user(web.client(), "joon", "Joon");
    }

    @Test
    void profileShouldSaveNameStatusAndPhotoAndMyDataShouldDownloadAsAZip() throws IOException {
        Path downloads = dir.resolve("downloads");
        Browser mina = browsers.user(0, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        mina.go("#/profile");
        mina.type(By.id("profile-name"), "민아 Kim");
        mina.type(By.id("profile-status"), "케이크 주문 받아요");
        mina.driver.findElement(By.id("profile-avatar")).sendKeys(WebFixture.png(dir).toAbsolutePath().toString());
        mina.click(By.id("save-profile"));
        mina.waitFor(() -> mina.text("#profile-note").equals("Saved"));
        mina.waitFor(() -> ((Number) mina.js("const img = document.getElementById('avatar');"
                + " return img && !img.hidden && img.complete ? img.naturalWidth : 0;")).intValue() == 160);

        JsonNode seen = web.client().get("/api/users/" + minaUser.username(), joonUser.token()).json();
        assertThat(seen.path("displayName").asText()).isEqualTo("민아 Kim");
        assertThat(seen.path("statusMessage").asText()).isEqualTo("케이크 주문 받아요");
        assertThat(web.client().get("/api/users/" + minaUser.id() + "/avatar", joonUser.token()).status()).isEqualTo(200);
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("profile-en.png"));
        mina.reload();
        mina.waitFor(() -> "민아 Kim".equals(mina.driver.findElement(By.id("profile-name")).getAttribute("value")));

        mina.downloadTo(downloads);
        mina.click(By.id("export"));
        Path zip = WebFixture.downloaded(downloads, "ieum-" + minaUser.username() + ".zip");
        try (ZipFile export = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(export.entries()).stream().map(e -> e.getName())).contains("data.json", "index.html");
            String data = new String(export.getInputStream(export.getEntry("data.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(data).contains("민아 Kim", "케이크 주문 받아요");
        }
    }

    @Test
    void friendAddedByUsernameShouldBeListedAndOnceBlockedTheirMessageIsRefusedVisiblyUntilUnblockedAndRetried() {
        assertThat(web.client().json("PATCH", "/api/me", joonUser.token(), Map.of("statusMessage", "baking all day")).status()).isEqualTo(200);
        String room = WebFixture.directRoom(web.client(), minaUser, joonUser);
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);

        mina.go("#/friends");
        mina.type(By.id("friend-username"), joonUser.username());
        mina.click(By.id("add-friend"));
        String joonRow = "#friend-list li[data-username='" + joonUser.username() + "']";
        mina.waitFor(() -> mina.text(joonRow + " .name").equals("Joon"));
        assertThat(mina.text(joonRow + " .status-message")).isEqualTo("baking all day");

        mina.click(By.cssSelector(joonRow + " button.block"));
        mina.waitFor(() -> !mina.text("#blocked-list li[data-username='" + joonUser.username() + "']").isEmpty());
        assertThat(mina.driver.findElements(By.cssSelector(joonRow))).isEmpty();

        joon.openRoom(room);
        joon.send("are you there?");
        joon.waitFor(() -> "failed".equals(joon.attribute("are you there?", null, "data-state")));
        assertThat(joon.attribute("are you there?", ".why", "textContent")).startsWith("Blocked");
        assertThat(joon.attribute("are you there?", ".state", "textContent")).isEqualTo("Failed");
        assertThat(WebFixture.storedTexts(web.client(), minaUser, room)).isEmpty();

        mina.click(By.cssSelector("#blocked-list li[data-username='" + joonUser.username() + "'] button.unblock"));
        mina.waitFor(() -> mina.driver.findElements(By.cssSelector("#blocked-list li")).isEmpty());
        joon.clickInMessage("are you there?", "button.retry");
        joon.waitFor(() -> "sent".equals(joon.attribute("are you there?", null, "data-state")));
        assertThat(WebFixture.storedTexts(web.client(), minaUser, room)).containsExactly("are you there?");
        assertThat(Collections.frequency(joon.texts(), "are you there?")).isEqualTo(1);
    }

    @Test
    void groupShouldBeCreatedWithMembersInvitedToAndLeftWithEveryoneSeeingTheChange() {
        User soraUser = WebFixture.user(web.client(), "sora", "Sora");
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);

        mina.click(By.id("new-group"));
        mina.type(By.id("group-name"), "케이크 주문");
        mina.type(By.id("group-members"), joonUser.username());
        mina.click(By.id("create-group"));
        mina.waitFor(() -> mina.text("#room-title").equals("케이크 주문") && mina.text("#room-members").equals("2 members"));
        String room = ((String) mina.js("return location.hash")).replace("#/room/", "");

        joon.waitFor(() -> joon.text("li[data-room='" + room + "'] .room-name").equals("케이크 주문"));
        joon.openRoom(room);
        mina.send("welcome!");
        joon.waitFor(() -> joon.texts().contains("welcome!"));

        mina.click(By.id("invite"));
        mina.type(By.id("invite-input"), soraUser.username());
        mina.click(By.id("invite-send"));
        mina.waitFor(() -> mina.text("#room-members").equals("3 members"));
        joon.waitFor(() -> joon.text("#room-members").equals("3 members"));
        joon.waitFor(() -> joon.text("#messages li.event:last-child").equals("Sora joined"));
        assertThat(web.client().get("/api/rooms", soraUser.token()).json().path("rooms").get(0).path("id").asText()).isEqualTo(room);

        joon.click(By.id("leave"));
        joon.waitFor(() -> !joon.driver.findElements(By.id("room-list")).isEmpty());
        joon.waitFor(() -> joon.driver.findElements(By.cssSelector("li[data-room='" + room + "']")).isEmpty());
        mina.waitFor(() -> mina.text("#room-members").equals("2 members"));
        mina.waitFor(() -> mina.text("#messages li.event:last-child").equals("Joon left"));
        assertThat(web.client().get("/api/rooms/" + room, joonUser.token()).status()).isEqualTo(403);
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("group-en.png"));
    }
}
