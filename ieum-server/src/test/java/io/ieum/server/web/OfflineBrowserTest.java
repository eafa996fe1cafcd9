package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/** The app with no server at all: it opens from the service worker's cache and IndexedDB, and its outbox survives. */
class OfflineBrowserTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        assumeTrue(Browser.available() || System.getenv("CI") != null, "run scripts/install-browser-deps.sh first");
    }

    @Test
    void appShouldOpenWithTheServerStoppedAndDeliverAMessageWrittenOfflineExactlyOnce() {
        Path data = dir.resolve("data");
        IeumServer server = WebFixture.start(data, 0, List.of());
        int port = server.port();
        User minaUser;
        User joonUser;
        String room;
        try (Browser mina = new Browser(dir.resolve("mina"), WebFixture.base(server))) {
            Client client = new Client(server.uri());
            minaUser = WebFixture.user(client, "mina", "Mina");
            joonUser = WebFixture.user(client, "joon", "Joon");
            room = WebFixture.directRoom(client, minaUser, joonUser);
            WebFixture.send(client, joonUser, room, "see you at the bakery");

            mina.logIn(minaUser.username(), WebFixture.PASSWORD);
            mina.openRoom(room);
            mina.waitFor(() -> mina.texts().contains("see you at the bakery"));
            mina.waitForServiceWorker();

            server.close();
            mina.reload();
            mina.waitFor(() -> mina.texts().contains("see you at the bakery"));
            mina.waitFor(() -> mina.status().contains("Offline"));

            mina.send("written offline");
            mina.waitFor(() -> "sending".equals(mina.attribute("written offline", null, "data-state")));
            mina.reload();
            mina.waitFor(() -> "sending".equals(mina.attribute("written offline", null, "data-state")));
            assertThat(mina.texts()).containsExactly("see you at the bakery", "written offline");

            server = WebFixture.start(data, port, List.of());
            mina.waitFor(() -> "sent".equals(mina.attribute("written offline", null, "data-state")));
            mina.waitFor(() -> mina.status().contains("Connected to site 1"));
            Client client2 = new Client(server.uri());
            List<String> stored = WebFixture.storedTexts(client2, joonUser, room);
            assertThat(stored).containsExactly("see you at the bakery", "written offline");
            mina.reload();
            mina.waitFor(() -> mina.texts().contains("written offline"));
            assertThat(Collections.frequency(mina.texts(), "written offline")).isEqualTo(1);
        } finally {
            server.close();
        }
    }
}
