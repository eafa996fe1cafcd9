package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.server.support.Client.User;

/** What people do inside a chat, in real Chromium against a real server: reply, delete, older history, files. */
class ConversationBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    /** One server for the class (a stop costs seconds); every test makes its own users and rooms. */
    @RegisterExtension
    static final WebServer web = new WebServer();

    @TempDir
    Path dir;

    private User minaUser;
    private User joonUser;
    private String room;

    @BeforeEach
    void users() {
        minaUser = WebFixture.user(web.client(), "mina", "Mina");
        joonUser = WebFixture.user(web.client(), "joon", "Joon");
        room = WebFixture.directRoom(web.client(), minaUser, joonUser);
    }

    @Test
    void replyShouldQuoteTheOriginalAndDeleteForEveryoneShouldBlankTheMessageForBoth() {
        WebFixture.send(web.client(), joonUser, room, "Can you make it chocolate?");
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        joon.openRoom(room);

        mina.clickInMessage("Can you make it chocolate?", ".reply");
        mina.waitFor(() -> mina.text("#reply-banner").contains("Replying to Joon"));
        mina.send("Yes, dark chocolate");
        joon.waitFor(() -> "Joon: Can you make it chocolate?".equals(joon.attribute("Yes, dark chocolate", ".quote", "textContent")));

        mina.send("sent to the wrong chat");
        joon.waitFor(() -> joon.texts().contains("sent to the wrong chat"));
        mina.waitFor(() -> "sent".equals(mina.attribute("sent to the wrong chat", null, "data-state")));
        String deletedId = mina.attribute("sent to the wrong chat", null, "data-id");
        mina.clickInMessage("sent to the wrong chat", ".delete");

        for (Browser b : List.of(mina, joon)) {
            b.waitFor(() -> b.text("li[data-id='" + deletedId + "'] .bubble.deleted").equals("This message was deleted"));
            assertThat(b.texts()).containsExactly("Can you make it chocolate?", "Yes, dark chocolate", "");
        }
        JsonNode stored = web.client().get("/api/rooms/" + room + "/messages?limit=10", joonUser.token()).json().path("entries");
        JsonNode deleted = findEntry(stored, deletedId);
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(deleted.path("text").asText("")).isEmpty(); // the words are gone from the server too
        assertThat(findEntry(stored, joon.attribute("Yes, dark chocolate", null, "data-id")).path("replyTo").asText())
                .isEqualTo(mina.attribute("Can you make it chocolate?", null, "data-id"));
    }

    @Test
    void scrollingUpShouldLoadOlderHistoryPageByPageWithoutGapOrDuplicate() {
        List<String> all = IntStream.rangeClosed(1, 75).mapToObj(i -> String.format("message %02d", i)).toList();
        all.forEach(text -> WebFixture.send(web.client(), joonUser, room, text));
        Browser mina = browsers.user(0, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        mina.waitFor(() -> mina.texts().size() == 30 && mina.texts().get(29).equals("message 75"));
        mina.send("all caught up");
        mina.waitFor(() -> "sent".equals(mina.attribute("all caught up", null, "data-state")));

        // As a person does: scroll to the top, wait for the page to arrive, scroll up again.
        mina.waitFor(() -> {
            mina.js("const s = document.getElementById('scroller'); s.scrollTop = 0; s.dispatchEvent(new Event('scroll'));");
            return mina.texts().size() == all.size() + 1;
        });
        assertThat(mina.texts()).containsExactlyElementsOf(Stream.concat(all.stream(), Stream.of("all caught up")).toList());
        // Only the messages scroll: the page itself stays the viewport's size, compose box in place.
        assertThat(mina.js("return document.documentElement.scrollHeight <= window.innerHeight"
                + " && document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        mina.waitFor(() -> mina.text("#load-older").equals("Beginning of the chat"));
        assertThat(mina.driver.findElement(By.id("load-older")).isEnabled()).isFalse();
    }

    @Test
    void aFileShouldBeSentAndDownloadedByTheOtherMemberByteForByte() throws IOException {
        String content = "2 cakes, 25 candles — 초 스물다섯 개\n";
        Path file = WebFixture.textFile(dir.resolve("upload"), "order.txt", content);
        Path downloads = dir.resolve("downloads");
        Browser mina = browsers.user(0, web.base());
        Browser joon = browsers.user(1, web.base());
        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        joon.logIn(joonUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        joon.openRoom(room);

        mina.attach(file);
        mina.waitFor(() -> mina.text("#compose-preview .file").equals("order.txt"));
        mina.send("the order");
        mina.waitFor(() -> "sent".equals(mina.attribute("the order", null, "data-state")));
        joon.waitFor(() -> joon.attribute("the order", "button.file", "textContent") != null);
        assertThat(joon.attribute("the order", "button.file", "textContent")).startsWith("Download order.txt");

        joon.downloadTo(downloads);
        joon.clickInMessage("the order", "button.file");
        assertThat(Files.readString(WebFixture.downloaded(downloads, "order.txt"))).isEqualTo(content);
    }

    private static JsonNode findEntry(JsonNode entries, String id) {
        for (JsonNode e : entries) {
            if (e.path("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + id + " in " + entries);
    }
}
