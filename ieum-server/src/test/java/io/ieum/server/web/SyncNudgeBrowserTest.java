package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.server.IeumServer;
import io.ieum.server.cluster.CuttableProxy;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * The web client catches up when its node says it may have missed events (ADR 0006): two nodes
 * sharing one SQLite directory, node B reaching A only through a relay the test cuts. A message
 * sent on B while the link is down never crosses the bus; the chat open on A still shows it, with
 * no reload.
 */
class SyncNudgeBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @TempDir
    Path dir;

    @Test
    void messageDroppedOnTheBusShouldAppearInTheOpenChatWithoutAReload() throws Exception {
        int portA = WebFixture.freePort();
        int portB = WebFixture.freePort();
        try (CuttableProxy toA = CuttableProxy.to(portA)) {
            String proxied = "http://127.0.0.1:" + toA.port();
            IeumServer a = WebFixture.start(dir, portA, List.of("http://127.0.0.1:" + portB));
            IeumServer b = WebFixture.start(dir, portB, List.of(proxied));
            try {
                Awaitility.await().atMost(Browser.WAIT).until(() -> a.cluster().membership().upCount() == 1
                        && b.cluster().membership().upCount() == 1);
                Client restB = new Client(WebFixture.base(b));
                User mina = WebFixture.user(restB, "mina", "Mina");
                User joon = WebFixture.user(restB, "joon", "Joon");
                String room = WebFixture.directRoom(restB, mina, joon);
                Browser page = browsers.user(0, WebFixture.base(a));
                page.logIn(joon.username(), WebFixture.PASSWORD);
                page.openRoom(room);
                page.js("window.sameDocument = true"); // gone if the page reloads

                WebFixture.send(restB, mina, room, "over the bus");
                page.waitFor(() -> page.texts().contains("over the bus"));

                toA.cut();
                Awaitility.await().atMost(Browser.WAIT).until(() -> !b.cluster().membership().isUp(proxied));
                WebFixture.send(restB, mina, room, "while the link was down");
                toA.restore();

                page.waitFor(() -> page.texts().contains("while the link was down"));
                assertThat(page.texts()).containsExactly("over the bus", "while the link was down");
                assertThat(page.js("return window.sameDocument === true")).isEqualTo(true);
                // B marks A up when its handshake completes, which may be after A already nudged the
                // page (A counts the link open when it answers the upgrade), as in BusGapRepairTest.
                Awaitility.await().atMost(Browser.WAIT).until(() -> b.cluster().membership().isUp(proxied));
            } finally {
                b.close();
                a.close();
            }
        }
    }
}
