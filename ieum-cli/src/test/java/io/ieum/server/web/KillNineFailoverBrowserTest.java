package io.ieum.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.cli.ServerProcess;
import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;
import io.ieum.server.support.Client.User;

/**
 * Site failover in the browser with two live nodes, each other's peers, sharing one SQLite data
 * directory (as {@code TwoNodeDeliveryTest} runs them): the page is on node A, the packaged
 * {@code ieum serve} in its own process; the other person keeps sending through node B (in this JVM),
 * and node A is killed with SIGKILL, with every process it started, mid-chat.
 *
 * <p>It lives in ieum-cli because only here is {@code ieum serve} on the class path; it uses
 * ieum-server's browser helpers through that module's test-jar (same package).
 */
class KillNineFailoverBrowserTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @TempDir
    Path dir;

    @Test
    void pageShouldMoveToTheLiveNodeWhenItsNodeIsKilledMidChatAndShowEveryMessageOnceInOrder() throws Exception {
        Path data = dir.resolve("data");
        int portA = WebFixture.freePort();
        int portB = WebFixture.freePort();
        ScheduledExecutorService joonTyping = Executors.newSingleThreadScheduledExecutor();
        try (ServerProcess a = ServerProcess.start(data, dir.resolve("node-a.log"), portA, Map.of(
                "IEUM_NODE_PEERS", "http://127.0.0.1:" + portB,
                "IEUM_NODE_CLUSTERSECRET", WebFixture.CLUSTER_SECRET));
             IeumServer b = WebFixture.start(data, portB, List.of("http://127.0.0.1:" + portA))) {
            Client viaA = new Client(a.uri());
            Client viaB = new Client(b.uri());
            User minaUser = WebFixture.user(viaA, "mina", "Mina");
            User joonUser = WebFixture.user(viaA, "joon", "Joon");
            String room = WebFixture.directRoom(viaA, minaUser, joonUser);
            Browser mina = browsers.user(0, a.uri());
            mina.logIn(minaUser.username(), WebFixture.PASSWORD);
            mina.openRoom(room);
            mina.waitFor(() -> mina.status().equals("Connected to site 1"));
            WebFixture.send(viaB, joonUser, room, "joon via B, before");
            mina.waitFor(() -> mina.texts().contains("joon via B, before")); // pushed from B to A live

            // Joon keeps typing through B, a message every 100 ms, from before the stop until after the move.
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            List<Integer> refused = new CopyOnWriteArrayList<>();
            AtomicInteger n = new AtomicInteger();
            joonTyping.scheduleWithFixedDelay(() -> {
                String text = "joon " + n.incrementAndGet();
                int status = viaB.json("POST", "/api/rooms/" + room + "/messages", joonUser.token(),
                        Map.of("id", Client.newMessageId(), "text", text)).status();
                if (status == 201) {
                    acknowledged.add(text);
                } else {
                    refused.add(status);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            await().atMost(Browser.WAIT).until(() -> acknowledged.size() >= 3);

            List<ProcessHandle> killed = a.killNine();
            assertThat(killed).noneMatch(ProcessHandle::isAlive);
            System.out.printf("kill -9 of node A: %d process(es), pids %s%n", killed.size(),
                    killed.stream().map(ProcessHandle::pid).toList());
            mina.send("mina, typed during the failover");
            mina.waitFor(() -> mina.status().equals("Site 2 — site 1 unreachable"));
            mina.waitFor(() -> "sent".equals(mina.attribute("mina, typed during the failover", null, "data-state")));
            int afterMove = acknowledged.size();
            await().atMost(Browser.WAIT).until(() -> acknowledged.size() >= afterMove + 3);
            joonTyping.shutdown();
            await().atMost(Browser.WAIT).until(() -> joonTyping.awaitTermination(100, TimeUnit.MILLISECONDS));

            List<String> stored = WebFixture.storedTexts(viaB, minaUser, room);
            assertThat(refused).isEmpty();
            assertThat(stored).containsSubsequence(acknowledged).doesNotHaveDuplicates()
                    .hasSize(acknowledged.size() + 2).contains("mina, typed during the failover");
            mina.waitFor(() -> mina.texts().equals(stored));
            assertThat(Collections.frequency(mina.texts(), "mina, typed during the failover")).isEqualTo(1);
            mina.screenshot(WebFixture.SCREENSHOTS.resolve("failover-en.png"));
        } finally {
            joonTyping.shutdownNow();
        }
    }
}
