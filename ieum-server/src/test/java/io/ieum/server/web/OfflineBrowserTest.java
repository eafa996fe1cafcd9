package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/** The app with no server at all: it opens from the service worker's cache and IndexedDB (photos too), and its outbox survives. */
class OfflineBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @RegisterExtension
    final WebServer web = new WebServer();

    @TempDir
    Path dir;

    @Test
    void appShouldOpenWithTheServerStoppedAndDeliverAMessageWrittenOfflineExactlyOnce() {
        Browser mina = browsers.user(0, web.base());
        Client client = web.client();
        User minaUser = WebFixture.user(client, "mina", "Mina");
        User joonUser = WebFixture.user(client, "joon", "Joon");
        String room = WebFixture.directRoom(client, minaUser, joonUser);
        WebFixture.sendPhoto(client, joonUser, room, WebFixture.png(dir), "this one?");
        WebFixture.send(client, joonUser, room, "see you at the bakery");

        mina.logIn(minaUser.username(), WebFixture.PASSWORD);
        mina.openRoom(room);
        mina.waitFor(() -> mina.texts().contains("see you at the bakery"));
        mina.waitFor(() -> photoWidth(mina, "this one?") == 160);
        mina.waitForServiceWorker();

        web.stop();
        mina.reload();
        mina.waitFor(() -> mina.texts().contains("see you at the bakery"));
        mina.waitFor(() -> mina.status().contains("Offline"));
        mina.waitFor(() -> photoWidth(mina, "this one?") == 160); // the photo, from IndexedDB

        mina.send("written offline");
        mina.waitFor(() -> "sending".equals(mina.attribute("written offline", null, "data-state")));
        mina.reload();
        mina.waitFor(() -> "sending".equals(mina.attribute("written offline", null, "data-state")));
        assertThat(mina.texts()).containsExactly("this one?", "see you at the bakery", "written offline");

        web.restart();
        mina.waitFor(() -> "sent".equals(mina.attribute("written offline", null, "data-state")));
        mina.waitFor(() -> mina.status().contains("Connected to site 1"));
        List<String> stored = WebFixture.storedTexts(web.client(), joonUser, room);
        assertThat(stored).containsExactly("this one?", "see you at the bakery", "written offline");
        mina.reload();
        mina.waitFor(() -> mina.texts().contains("written offline"));
        assertThat(Collections.frequency(mina.texts(), "written offline")).isEqualTo(1);
    }

    /** The natural width of the photo in the message with this text once loaded (0 until then). */
    private static int photoWidth(Browser browser, String text) {
        String id = browser.attribute(text, null, "data-id");
        Object width = browser.js("const img = document.querySelector(`li[data-id='${arguments[0]}'] img.photo`);"
                + " return img && img.complete ? img.naturalWidth : 0;", id);
        return ((Number) width).intValue();
    }
}
