package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/** Two people chatting in two real headless Chromium sessions against a real server. */
class ChatInBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    final WebServer web = new WebServer();

    @TempDir
    Path dir;

    @Test
    void twoUsersShouldChatLiveAndSeeUnreadCountsDropAsTheOtherReads() {
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        Client client = web.client();
        User minaUser = WebFixture.user(client, "mina", "민아");
        User joonUser = WebFixture.user(client, "joon", "Joon");
        String room = WebFixture.directRoom(client, minaUser, joonUser);

        mina.open();
        mina.language("ko");
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("login-ko.png"));
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);

        String korean = "안녕하세요! 내일 오후 세 시에 케이크를 찾으러 갈게요. 초를 스물다섯 개 넣어 주실 수 있나요?";
        mina.openRoom(room);
        mina.send(korean);
        mina.waitFor(() -> "sent".equals(mina.attribute(korean, null, "data-state")));
        mina.waitFor(() -> mina.unreadBy(korean) == 1);

        joon.waitFor(() -> joon.badge(room) == 1);
        assertThat(joon.driver.findElement(By.cssSelector("li[data-room='" + room + "'] .preview")).getText()).isEqualTo(korean);
        joon.openRoom(room);
        joon.waitFor(() -> joon.texts().contains(korean));
        mina.waitFor(() -> mina.unreadBy(korean) == 0);
        joon.backToRooms();
        joon.waitFor(() -> joon.badge(room) == 0);

        joon.openRoom(room);
        String reply = "Sure — 좋아요, see you at 3!";
        joon.send(reply);
        mina.waitFor(() -> mina.texts().contains(reply));
        joon.waitFor(() -> "sent".equals(joon.attribute(reply, null, "data-state")) && joon.unreadBy(reply) == 0);

        assertThat(WebFixture.storedTexts(client, joonUser, room)).containsExactly(korean, reply);
        assertThat(mina.texts()).containsExactly(korean, reply);
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("chat-ko.png"));
        mina.backToRooms();
        mina.waitFor(() -> mina.badge(room) == 0);
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("rooms-ko.png"));
    }

    @Test
    void aPhotoShouldBePreviewedSentAndShownToTheOtherMember() {
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        Client client = web.client();
        User minaUser = WebFixture.user(client, "mina", "Mina");
        User joonUser = WebFixture.user(client, "joon", "Joon");
        String room = WebFixture.directRoom(client, minaUser, joonUser);
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        joon.openRoom(room);

        mina.attach(WebFixture.png(dir));
        mina.waitFor(() -> !mina.driver.findElements(By.cssSelector("#compose-preview img.photo")).isEmpty());
        mina.send("the cake");
        mina.waitFor(() -> "sent".equals(mina.attribute("the cake", null, "data-state")));

        joon.waitFor(() -> joon.texts().contains("the cake"));
        joon.waitFor(() -> {
            Object width = joon.js("const img = document.querySelector('#messages li.msg img.photo');"
                    + " return img && img.complete ? img.naturalWidth : 0;");
            return ((Number) width).intValue() == 160;
        });
    }
}
