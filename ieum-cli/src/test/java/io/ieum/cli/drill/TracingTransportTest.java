package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ieum.client.ClientOptions;
import io.ieum.client.SiteList;
import io.ieum.client.model.Ack;
import io.ieum.client.realtime.Connection;
import io.ieum.client.realtime.ConnectionListener;
import io.ieum.client.realtime.InOrderSites;
import io.ieum.client.realtime.MessageIdClock;

class TracingTransportTest {

    private static final URI SITE_A = URI.create("http://127.0.0.2:8082");
    private static final URI SITE_B = URI.create("http://127.0.0.3:8083");

    private final InOrderSites sites = InOrderSites.answeringSyncs();
    private final AtomicLong now = new AtomicLong();
    private final FailoverTrace trace = new FailoverTrace(now::incrementAndGet);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Connection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        timer.shutdownNow();
        sites.close();
    }

    private Connection connect() throws Exception {
        ClientOptions options = ClientOptions.builder().servers(List.of(SITE_A, SITE_B)).build();
        connection = new Connection(new TracingTransport(sites, trace), new SiteList(options.servers()), options, "token",
                timer, ConnectionListener.NONE, MessageIdClock.system());
        connection.start(null).get(10, TimeUnit.SECONDS);
        return connection;
    }

    private List<String> steps() {
        return trace.between(0, Long.MAX_VALUE).stream()
                .map(s -> s.kind() + " " + s.site() + (s.detail().isEmpty() ? "" : " " + s.detail())).toList();
    }

    @Test
    void aLostSiteShouldLeaveEveryStepOfTheMoveToTheNextSiteInOrder() throws Exception {
        Connection c = connect();
        c.send("room-1", "before").get(10, TimeUnit.SECONDS);
        sites.silence("127.0.0.2:8082");
        CompletableFuture<Ack> inFlight = c.send("room-1", "during");
        sites.refuse("127.0.0.2:8082");
        sites.reset("127.0.0.2:8082");

        inFlight.get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> steps().contains("SYNCED 127.0.0.3:8083 1"));

        assertThat(steps()).containsExactly(
                "TRY 127.0.0.2:8082", "CONNECTED 127.0.0.2:8082", "AUTH_SENT 127.0.0.2:8082", "READY 127.0.0.2:8082",
                "FIRST_ACK 127.0.0.2:8082", "CLOSED 127.0.0.2:8082 1006 connection reset",
                "TRY 127.0.0.3:8083", "CONNECTED 127.0.0.3:8083", "AUTH_SENT 127.0.0.3:8083", "READY 127.0.0.3:8083",
                "SYNC_SENT 127.0.0.3:8083 1", "FIRST_ACK 127.0.0.3:8083", "SYNCED 127.0.0.3:8083 1");
    }

    @Test
    void aRefusedSiteShouldShowAsNeverOpened() throws Exception {
        sites.refuse("127.0.0.2:8082");

        connect();

        assertThat(steps()).startsWith("TRY 127.0.0.2:8082", "CLOSED 127.0.0.2:8082 never opened: 1006 connect failed: refused",
                "TRY 127.0.0.3:8083", "CONNECTED 127.0.0.3:8083");
    }

    @Test
    void stepsShouldBeBoundedAndFilteredByTime() {
        for (int i = 0; i < FailoverTrace.MAX_STEPS + 5; i++) {
            trace.record(FailoverStep.Kind.ERROR, "s", "busy");
        }

        assertThat(trace.between(0, Long.MAX_VALUE)).hasSize(FailoverTrace.MAX_STEPS);
        assertThat(trace.dropped()).isEqualTo(5);
        assertThat(trace.between(10, 20)).extracting(FailoverStep::at).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L,
                17L, 18L, 19L);
    }
}
