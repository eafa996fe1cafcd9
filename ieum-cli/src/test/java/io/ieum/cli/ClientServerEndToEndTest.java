package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.model.Ack;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.HistoryPage;
import io.ieum.client.model.Room;
import io.ieum.client.model.SendResult;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;

/** The client library against the real server: live chat, idempotent retries, recovery from restarts. */
class ClientServerEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private RunningServer server;
    private IeumClient mina;
    private IeumClient joon;
    private Room direct;

    @BeforeEach
    void twoUsersWithADirectRoom() {
        server = RunningServer.start(dataDir);
        mina = user(List.of(server.uri()), "mina");
        joon = user(List.of(server.uri()), "joon");
        direct = mina.openDirect("joon");
    }

    @AfterEach
    void stop() {
        mina.close();
        joon.close();
        server.close();
    }

    @Test
    void directMessageShouldArriveLiveOverTheWebSocket() {
        Inbox inbox = new Inbox();
        Connection joonLive = joon.connect(inbox);
        Connection minaLive = mina.connect(ConnectionListener.NONE);
        joonLive.ready().orTimeout(20, TimeUnit.SECONDS).join();
        minaLive.ready().orTimeout(20, TimeUnit.SECONDS).join();

        Ack ack = minaLive.send(direct.id(), "안녕, joon").orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(ack.status()).isEqualTo("stored");
        await().atMost(PATIENCE).until(() -> inbox.texts().contains("안녕, joon"));
        assertThat(inbox.entryWithText("안녕, joon").id()).isEqualTo(ack.id());
        joonLive.close();
        minaLive.close();
    }

    @Test
    void sendRetriedWithTheSameIdShouldYieldOneMessage() {
        String id = mina.newMessageId();

        SendResult first = mina.sendViaRest(id, direct.id(), "cake at 5?", null, List.of());
        SendResult retry = mina.sendViaRest(id, direct.id(), "cake at 5?", null, List.of());

        assertThat(first.status()).isEqualTo("stored");
        assertThat(retry.isDuplicate()).isTrue();
        HistoryPage history = joon.history(direct.id(), null, 50);
        assertThat(history.entries()).filteredOn(e -> e.id().equals(id)).hasSize(1);
    }

    @Test
    void connectionShouldResumeAfterARestartWithoutGapsOrDuplicates() {
        Inbox inbox = new Inbox();
        Connection joonLive = joon.connect(inbox);
        joonLive.ready().orTimeout(20, TimeUnit.SECONDS).join();
        for (int i = 0; i < 5; i++) {
            mina.sendViaRest(direct.id(), "before " + i);
        }
        await().atMost(PATIENCE).until(() -> inbox.messageCount() == 5);

        server.restart();
        for (int i = 0; i < 5; i++) {
            mina.sendViaRest(direct.id(), "after " + i);
        }

        await().atMost(PATIENCE).until(() -> inbox.messageCount() == 10);
        assertThat(inbox.deliveriesPerId().values()).allMatch(n -> n == 1);
        assertThat(joonLive.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).until(() -> !joonLive.metrics().resumeTimes().isEmpty());
        joonLive.close();
    }

    @Test
    void sendMadeWhileTheSiteIsDownShouldBeDeliveredOnceAfterReconnect() {
        Inbox inbox = new Inbox();
        Connection joonLive = joon.connect(inbox);
        Connection minaLive = mina.connect(ConnectionListener.NONE);
        joonLive.ready().orTimeout(20, TimeUnit.SECONDS).join();
        minaLive.ready().orTimeout(20, TimeUnit.SECONDS).join();

        server.stop();
        await().atMost(PATIENCE).until(() -> minaLive.state() != io.ieum.client.realtime.ConnectionState.READY);
        CompletableFuture<Ack> ack = minaLive.send(direct.id(), "sent while down");
        server.restart();

        assertThat(ack.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join().id()).isNotBlank();
        await().atMost(PATIENCE).until(() -> inbox.texts().contains("sent while down"));
        assertThat(inbox.deliveriesPerId().get(ack.join().id())).isEqualTo(1);
        assertThat(mina.history(direct.id(), null, 50).entries())
                .filteredOn(e -> "sent while down".equals(e.text())).hasSize(1);
        joonLive.close();
        minaLive.close();
    }

    @Test
    void clientShouldFailOverToTheNextSiteWhenItsSiteGoesAway() throws Exception {
        // Two sites over one data directory, one after the other: site A serves, dies, site B takes over.
        URI siteB = URI.create("http://127.0.0.1:" + freePort());
        IeumClient sora = user(List.of(server.uri(), siteB), "sora");
        Room room = mina.openDirect("sora");
        Inbox inbox = new Inbox();
        Connection soraLive = sora.connect(inbox);
        soraLive.ready().orTimeout(20, TimeUnit.SECONDS).join();

        server.stop();
        try (RunningServer b = new RunningServer(dataDir, siteB.getPort())) {
            IeumClient minaOnB = user(List.of(siteB), "mina-on-b", "mina");
            minaOnB.sendViaRest(room.id(), "hello from site B");

            await().atMost(PATIENCE).until(() -> inbox.texts().contains("hello from site B"));
            assertThat(soraLive.site()).isEqualTo(siteB);
            soraLive.close();
            minaOnB.close();
        } finally {
            server.restart();
            sora.close();
        }
    }

    private IeumClient user(List<URI> sites, String username) {
        IeumClient client = IeumClient.create(ClientOptions.builder().servers(sites).deviceName("test").build());
        try {
            client.signUp(username, "pw-" + username + "-long", username);
        } catch (io.ieum.client.IeumClientException e) {
            // already there (a second device of the same user)
        }
        client.logIn(username, "pw-" + username + "-long");
        return client;
    }

    private IeumClient user(List<URI> sites, String device, String username) {
        IeumClient client = IeumClient.create(ClientOptions.builder().servers(sites).deviceName(device).build());
        client.logIn(username, "pw-" + username + "-long");
        return client;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What a listener saw: entries in arrival order and how often each ID was handed over. */
    private static final class Inbox implements ConnectionListener {
        private final List<EntryView> entries = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        @Override
        public void onEntry(EntryView entry) {
            entries.add(entry);
            deliveries.computeIfAbsent(entry.id(), k -> new AtomicInteger()).incrementAndGet();
        }

        List<String> texts() {
            return entries.stream().filter(EntryView::isMessage).map(EntryView::text).toList();
        }

        long messageCount() {
            return entries.stream().filter(EntryView::isMessage).count();
        }

        EntryView entryWithText(String text) {
            return entries.stream().filter(e -> text.equals(e.text())).findFirst().orElseThrow();
        }

        Map<String, Integer> deliveriesPerId() {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            deliveries.forEach((k, v) -> counts.put(k, v.get()));
            return counts;
        }
    }
}
