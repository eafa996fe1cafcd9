package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.support.Client.User;

/** Korean and English, and a phone-sized screen, in real Chromium (with a Korean font installed). */
class LanguageAndLayoutBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    /** One server for the class (a stop costs seconds); every test makes its own users and rooms. */
    @RegisterExtension
    static final WebServer web = new WebServer();

    @TempDir
    Path dir;

    private User minaUser;

    @BeforeEach
    void users() {
        minaUser = WebFixture.user(web.client(), "mina", "민아");
    }

    @Test
    void languageShouldFollowTheBrowserThenSwitchBetweenKoreanAndEnglishAndBeRemembered() {
        Browser mina = browsers.user(0, web.base());
        mina.open();
        mina.waitFor(() -> mina.text("#submit").equals("Log in")); // the browser asks for en-US
        assertThat(mina.js("return document.documentElement.lang")).isEqualTo("en");

        mina.language("ko");
        mina.waitFor(() -> mina.text("#submit").equals("로그인"));
        mina.reload();
        mina.waitFor(() -> mina.text("#submit").equals("로그인"));
        assertThat(mina.js("return document.documentElement.lang")).isEqualTo("ko");

        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        mina.waitFor(() -> mina.text("nav.bottom").contains("채팅") && mina.text("#site-status").equals("사이트 1에 연결됨"));
        mina.language("en");
        mina.waitFor(() -> mina.text("nav.bottom").contains("Chats") && mina.text("#site-status").equals("Connected to site 1"));
    }

    @Test
    void phoneSizedScreenShouldFitTheChatWithoutSideScrollingAndKeepTheComposeBoxInReach() {
        User joonUser = WebFixture.user(web.client(), "joon", "준");
        String room = WebFixture.directRoom(web.client(), minaUser, joonUser);
        assertThat(web.client().json("PATCH", "/api/me", joonUser.token(), Map.of("statusMessage", "케이크 굽는 중")).status()).isEqualTo(200);
        List.of("안녕하세요! 주문하신 생크림 케이크 준비됐어요.",
                "초는 스물다섯 개 넣었고, 메시지 판에는 '생일 축하해 수아야'라고 썼어요. 맞나요?",
                "내일 오후 세 시까지 매장에 계세요.").forEach(text -> WebFixture.send(web.client(), joonUser, room, text));
        Browser mina = browsers.user(0, web.base());
        mina.open();
        mina.viewport(390, 844);
        mina.language("ko");
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        mina.send("네, 맞아요! 고맙습니다 세 시 전에 갈게요.");
        mina.waitFor(() -> "sent".equals(mina.attribute("네, 맞아요! 고맙습니다 세 시 전에 갈게요.", null, "data-state")));

        assertThat(((Number) mina.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        // The send button is on screen and nothing covers it: the element at its centre is the button itself.
        assertThat(mina.js("const b = document.getElementById('send').getBoundingClientRect();"
                + " const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);"
                + " return b.bottom <= window.innerHeight && (top.id === 'send' || top.closest('#send') !== null);")).isEqualTo(true);
        mina.screenshot(WebFixture.SCREENSHOTS.resolve("chat-phone-ko.png"));
    }
}
