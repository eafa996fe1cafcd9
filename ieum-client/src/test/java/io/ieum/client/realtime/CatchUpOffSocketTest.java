package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ieum.client.ClientOptions;
import io.ieum.client.SiteList;
import io.ieum.client.model.Ack;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.SyncPage;

/**
 * After a reconnect, sends must not wait for the catch-up: the server handles a socket's frames in
 * order, so a catch-up on the socket holds back every send behind it (the fire drill's 4 s resumes).
 */
class CatchUpOffSocketTest {

    private static final String MISSED = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    private final InOrderSites site = InOrderSites.holdingSyncs();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService catchUps = Executors.newCachedThreadPool();
    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final ClientOptions options = ClientOptions.builder().servers(List.of(URI.create("http://127.0.0.1:1"))).build();

    @AfterEach
    void stop() {
        site.close();
        timer.shutdownNow();
        catchUps.shutdownNow();
    }

    private Connection connect(CatchUp catchUp) throws Exception {
        Connection c = new Connection(site, new SiteList(options.servers()), options, "token", timer, new ConnectionListener() {
            @Override
            public void onEntry(EntryView entry) {
                entries.add(entry.id());
            }
        }, MessageIdClock.system(), catchUp, catchUp == null ? null : catchUps);
        c.start(null).get(10, TimeUnit.SECONDS);
        return c;
    }

    /** Sends after a reconnect while the catch-up is stuck; returns the send's ack future. */
    private CompletableFuture<Ack> sendAfterReconnect(Connection c) {
        long readyBefore = c.metrics().reconnects();
        site.resetAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.metrics().reconnects() > readyBefore);
        return c.send("room-1", "after the reconnect");
    }

    @Test
    void aSendAfterAReconnectShouldBeAcknowledgedWhileTheCatchUpIsStillRunning() throws Exception {
        CompletableFuture<SyncPage> slowPage = new CompletableFuture<>();
        Connection c = connect((cursor, continuation) -> slowPage.join());

        Ack ack = sendAfterReconnect(c).get(5, TimeUnit.SECONDS);

        assertThat(ack.status()).isEqualTo("stored");
        assertThat(site.received).noneMatch(frame -> frame.contains("\"type\":\"sync\""));
        slowPage.complete(new SyncPage(List.of(new EntryView(MISSED, "room-1", "u2", "TEXT", "missed", null, List.of(),
                null, false, java.time.Instant.now(), null)), MISSED, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> entries.contains(MISSED));
        assertThat(c.highestSeen()).isEqualTo(MISSED);
        c.close();
    }

    @Test
    void onTheSocketTheSameSendShouldWaitForTheCatchUp() throws Exception {
        Connection c = connect(null);

        CompletableFuture<Ack> ack = sendAfterReconnect(c);

        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> !ack.isDone());
        assertThat(site.received).anyMatch(frame -> frame.contains("\"type\":\"sync\""));
        site.syncGate.complete(null);
        assertThat(ack.get(5, TimeUnit.SECONDS).status()).isEqualTo("stored");
        c.close();
    }

    @Test
    void aFailedCatchUpShouldFallBackToTheSocket() throws Exception {
        site.syncGate.complete(null);
        Connection c = connect((cursor, continuation) -> {
            throw new IllegalStateException("503 busy");
        });

        sendAfterReconnect(c).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> site.received.stream().anyMatch(f -> f.contains("\"type\":\"sync\"")));
        c.close();
    }
}
