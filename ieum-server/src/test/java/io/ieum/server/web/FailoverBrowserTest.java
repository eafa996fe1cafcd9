package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * Site failover in the browser. Nodes do not share storage yet, so "site 2" is a second server
 * started on the same data directory at another port after site 1 stops; both list each other.
 */
class FailoverBrowserTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        assumeTrue(Browser.available() || System.getenv("CI") != null, "run scripts/install-browser-deps.sh first");
    }

    @Test
    void chatShouldContinueOnTheSecondSiteWithoutDuplicateOrGapWhenTheFirstStops() {
        Path data = dir.resolve("data");
        int port2 = WebFixture.freePort();
        IeumServer site1 = WebFixture.start(data, 0, List.of("http://127.0.0.1:" + port2));
        IeumServer site2 = null;
        String site1Url = WebFixture.base(site1).toString();
        try (Browser mina = new Browser(dir.resolve("mina"), WebFixture.base(site1));
             Browser joon = new Browser(dir.resolve("joon"), WebFixture.base(site1))) {
            Client client = new Client(site1.uri());
            User minaUser = WebFixture.user(client, "mina", "Mina");
            User joonUser = WebFixture.user(client, "joon", "Joon");
            String room = WebFixture.directRoom(client, minaUser, joonUser);
            mina.logIn(minaUser.username(), WebFixture.PASSWORD);
            joon.logIn(joonUser.username(), WebFixture.PASSWORD);
            mina.openRoom(room);
            joon.openRoom(room);
            mina.send("one");
            joon.waitFor(() -> joon.texts().contains("one"));
            mina.waitFor(() -> mina.status().contains("Connected to site 1"));

            site1.close();
            mina.send("two, while no site answers");
            mina.waitFor(() -> "sending".equals(mina.attribute("two, while no site answers", null, "data-state")));

            site2 = WebFixture.start(data, port2, List.of(site1Url));
            Client client2 = new Client(site2.uri());
            WebFixture.send(client2, joonUser, room, "three, sent on site 2 while the browsers move");
            mina.waitFor(() -> mina.status().equals("Site 2 — site 1 unreachable"));
            joon.waitFor(() -> joon.status().equals("Site 2 — site 1 unreachable"));
            mina.waitFor(() -> "sent".equals(mina.attribute("two, while no site answers", null, "data-state")));
            joon.send("four");

            List<String> expected = List.of("one", "two, while no site answers", "three, sent on site 2 while the browsers move", "four");
            mina.waitFor(() -> mina.texts().equals(expected));
            joon.waitFor(() -> joon.texts().equals(expected));
            assertThat(WebFixture.storedTexts(client2, minaUser, room)).containsExactlyElementsOf(expected);
            mina.screenshot(WebFixture.SCREENSHOTS.resolve("failover-en.png"));
        } finally {
            site1.close();
            if (site2 != null) {
                site2.close();
            }
        }
    }
}
