package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.Room;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.Site;

/**
 * {@code ieum cluster up}, for real: three Cassandra sites and three Ieum nodes as child processes,
 * shared accounts and rooms across sites, the loss of site 2, and {@code cluster down} leaving nothing running.
 */
@Tag("cassandra")
class ClusterCommandClusterTest {

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void leaveNothingRunning() {
        if (ClusterCommand.running(dirOption())) {
            run("cluster", "down", "--dir", dir.toString());
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void upServesSharedAccountsOnEverySiteSurvivesTheLossOfSiteTwoAndDownStopsEverything() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        long t0 = System.nanoTime();
        CliRun up = run("cluster", "up", "--sites", "3", "--dir", dir.toString());
        System.out.println(up.out() + up.err());
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Cassandra up on every site", "Cluster ready in",
                "http://127.0.0.1:8081", "http://127.0.0.2:8082", "http://127.0.0.3:8083");
        System.out.printf("cluster up: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        recordPids();

        String[] urls = {null, "http://127.0.0.1:8081", "http://127.0.0.2:8082", "http://127.0.0.3:8083"};
        for (int n = 1; n <= 3; n++) {
            assertThat(get(urls[n] + "/health").statusCode()).isEqualTo(200);
            String url = urls[n];
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode status = json.readTree(get(url + "/api/status").body());
                assertThat(status.at("/storage/backend").asText()).isEqualTo("cassandra");
                assertThat(status.at("/storage/datacenters")).hasSize(3);
                status.at("/storage/datacenters").forEach(dc -> assertThat(dc.get("status").asText()).isEqualTo("UP"));
                assertThat(status.get("peers")).hasSize(2);
            });
        }
        CliRun status = run("cluster", "status", "--dir", dir.toString());
        assertThat(status.exitCode()).as(status.out()).isZero();
        assertThat(status.out()).contains("All sites up.", "health=UP");

        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        String alice = "alice" + suffix;
        String bob = "bob" + suffix;
        String password = "correct horse battery";
        try (IeumClient site1 = client(urls[1]); IeumClient site2 = client(urls[2]); IeumClient site3 = client(urls[3])) {
            site1.signUp(alice, password, "Alice");
            IeumClient aliceOn3 = site3.as(site3.logIn(alice, password).token());
            assertThat(aliceOn3.me().username()).isEqualTo(alice);

            site2.signUp(bob, password, "Bob");
            IeumClient aliceOn2 = site2.as(site2.logIn(alice, password).token());
            Room room = aliceOn2.openDirect(bob);
            aliceOn2.sendViaRest(room.id(), "hello from site 2");
            IeumClient aliceOn1 = site1.as(site1.logIn(alice, password).token());
            assertThat(aliceOn1.history(room.id(), null, 50).entries()).extracting(EntryView::text)
                    .contains("hello from site 2");

            long killed = System.nanoTime();
            CliRun kill = run("cluster", "kill", "--site", "2", "--dir", dir.toString());
            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(get(urls[1] + "/health").statusCode()).isEqualTo(200);

            IeumClient bobOn1 = site1.as(site1.logIn(bob, password).token());
            bobOn1.sendViaRest(room.id(), "bob on site 1 after site 2 died");
            IeumClient aliceOn3Again = site3.as(site3.logIn(alice, password).token());
            aliceOn3Again.sendViaRest(room.id(), "alice on site 3 after site 2 died");
            System.out.printf("login and send on sites 1 and 3 after kill of site 2: %d ms%n",
                    (System.nanoTime() - killed) / 1_000_000);
            assertThat(aliceOn3Again.history(room.id(), null, 50).entries()).extracting(EntryView::text)
                    .contains("hello from site 2", "bob on site 1 after site 2 died", "alice on site 3 after site 2 died");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode s1 = json.readTree(get(urls[1] + "/api/status").body());
                assertThat(s1.get("status").asText()).isEqualTo("UP");
                assertThat(s1.at("/storage/datacenters/1/name").asText()).isEqualTo("dc2");
                assertThat(s1.at("/storage/datacenters/1/status").asText()).isEqualTo("DOWN");
                assertThat(s1.at("/peers/0/status").asText()).isEqualTo("DOWN");
            });
            CliRun degraded = run("cluster", "status", "--dir", dir.toString());
            assertThat(degraded.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(degraded.out()).contains("Not every site is up.");
        }

        long t1 = System.nanoTime();
        CliRun down = run("cluster", "down", "--dir", dir.toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        System.out.printf("cluster down: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(ClusterCommand.running(dirOption())).isFalse();
    }

    private void recordPids() {
        IeumSites ieum = IeumSites.attach(dir).orElseThrow();
        LocalCluster cassandra = LocalCluster.attach(dir.resolve("cassandra"));
        for (Site site : Site.all()) {
            ieum.process(site).ifPresent(started::add);
            cassandra.node(site).process().ifPresent(started::add);
        }
        assertThat(started).hasSize(6);
    }

    private ClusterCommand.DirOption dirOption() {
        ClusterCommand.DirOption option = new ClusterCommand.DirOption();
        option.dir = dir;
        return option;
    }

    private static IeumClient client(String url) {
        return IeumClient.create(ClientOptions.of(URI.create(url)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IeumCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
