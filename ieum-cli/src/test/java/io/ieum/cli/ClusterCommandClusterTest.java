package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.Room;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.Site;

/**
 * {@code ieum cluster} and {@code ieum drill}, for real, on the JVM's one shared cluster
 * ({@link SharedCluster}; starting one costs ~2 minutes here): three Cassandra sites and three Ieum
 * nodes as child processes on a free {@code 127.0.N.} prefix; shared accounts and rooms across sites; the fire drill and the partition
 * drill with their assertions (loss 0, duplicates 0, resume p99 within 3 s, the cut-off side
 * acknowledges nothing); the loss of site 2; and {@code cluster down} leaving nothing running —
 * which is why this class runs last (ieum-cluster-tests' ClusterTierOrder).
 */
@Tag("cassandra")
@ExtendWith(SharedClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCommandClusterTest {

    private static Path dir;
    private static String prefix;
    private static String[] urls;
    private static final List<ProcessHandle> started = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void up() {
        Locale.setDefault(Locale.ENGLISH);
        // The JVM's one cluster, started by the real `cluster up` (SharedClusterExtension), every site up.
        SharedCluster shared = SharedCluster.get();
        dir = shared.dir();
        prefix = shared.prefix();
        urls = new String[] {null, "http://" + prefix + "1:8081", "http://" + prefix + "2:8082", "http://" + prefix + "3:8083"};
        CliRun up = shared.up();
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Cassandra up on every site", "Cluster ready in", urls[1], urls[2], urls[3]);
        System.out.printf("cluster up (shared, at the JVM's first real-cluster class): %.1f s%n", shared.upTime().toMillis() / 1000.0);
        IeumSites ieum = IeumSites.attach(dir).orElseThrow();
        LocalCluster cassandra = LocalCluster.attach(dir.resolve("cassandra"));
        for (Site site : Site.all()) {
            ieum.process(site).ifPresent(started::add);
            cassandra.node(site).process().ifPresent(started::add);
        }
        assertThat(started).hasSize(6);
    }

    @AfterAll
    static void leaveNothingRunning() {
        if (ClusterCommand.running(dirOption())) {
            run("cluster", "down", "--dir", dir.toString());
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(1)
    void everySiteShouldServeTheSameAccountsAndRooms() throws Exception {
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
        try (IeumClient site1 = client(urls[1]); IeumClient site2 = client(urls[2]); IeumClient site3 = client(urls[3])) {
            site1.signUp("alice" + suffix, PASSWORD, "Alice");
            IeumClient aliceOn3 = site3.as(site3.logIn("alice" + suffix, PASSWORD).token());
            assertThat(aliceOn3.me().username()).isEqualTo("alice" + suffix);
            site2.signUp("bob" + suffix, PASSWORD, "Bob");
            IeumClient aliceOn2 = site2.as(site2.logIn("alice" + suffix, PASSWORD).token());
            Room room = aliceOn2.openDirect("bob" + suffix);
            aliceOn2.sendViaRest(room.id(), "hello from site 2");
            IeumClient aliceOn1 = site1.as(site1.logIn("alice" + suffix, PASSWORD).token());
            assertThat(aliceOn1.history(room.id(), null, 50).entries()).extracting(EntryView::text)
                    .contains("hello from site 2");
        }
    }

    @Test
    @Order(2)
    void theFireDrillShouldLoseAndDuplicateNothingAndResumeWithinThreeSeconds() throws Exception {
        Path report = dir.resolve("report-fire");
        CliRun drill = run("drill", "fire", "--dir", dir.toString(), "--seed", Long.toString(new Random().nextLong()),
                "--report", report.toString());
        System.out.println(drill.out() + drill.err());
        JsonNode summary = json.readTree(report.resolve("drill-fire.json").toFile());

        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(summary.get("passed").asBoolean()).isTrue();
        assertThat(summary.at("/verdict/lost").asInt()).isZero();
        assertThat(summary.at("/verdict/duplicated").asInt()).isZero();
        assertThat(summary.at("/verdict/orderMismatches").asInt()).isZero();
        assertThat(summary.at("/resume/p99").asLong()).isLessThanOrEqualTo(3000);
        assertThat(summary.get("acknowledged").asInt()).isPositive().isEqualTo(summary.get("sent").asInt());
        assertThat(Files.readString(report.resolve("drill-fire.html"))).contains("<svg", "kill -9 site", "PASSED");
    }

    @Test
    @Order(3)
    void thePartitionDrillShouldLetTheMajorityCarryOnAndTheCutOffSideAcknowledgeNothing() throws Exception {
        Path report = dir.resolve("report-partition");
        CliRun drill = run("drill", "partition", "--dir", dir.toString(), "--seed", Long.toString(new Random().nextLong()),
                "--report", report.toString());
        System.out.println(drill.out() + drill.err());
        JsonNode summary = json.readTree(report.resolve("drill-partition.json").toFile());

        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(summary.at("/verdict/lost").asInt()).isZero();
        assertThat(summary.at("/verdict/duplicated").asInt()).isZero();
        assertThat(summary.at("/verdict/acknowledgedWhileCutOff").asInt()).isZero();
        assertThat(summary.get("cutOffSideWasTold").asText()).startsWith("503 busy").contains("storage:");
        assertThat(summary.at("/resume/p99").asLong()).isLessThanOrEqualTo(3000);
    }

    @Test
    @Order(4)
    void loginAndSendShouldKeepWorkingOnSitesOneAndThreeAfterSiteTwoIsKilled() throws Exception {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        try (IeumClient site1 = client(urls[1]); IeumClient site3 = client(urls[3])) {
            site1.signUp("carol" + suffix, PASSWORD, "Carol");
            site3.signUp("dave" + suffix, PASSWORD, "Dave");
            Room room = site1.as(site1.logIn("carol" + suffix, PASSWORD).token()).openDirect("dave" + suffix);

            long killed = System.nanoTime();
            CliRun kill = run("cluster", "kill", "--site", "2", "--dir", dir.toString());
            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(get(urls[1] + "/health").statusCode()).isEqualTo(200);
            IeumClient carolOn1 = site1.as(site1.logIn("carol" + suffix, PASSWORD).token());
            carolOn1.sendViaRest(room.id(), "carol on site 1 after site 2 died");
            IeumClient daveOn3 = site3.as(site3.logIn("dave" + suffix, PASSWORD).token());
            daveOn3.sendViaRest(room.id(), "dave on site 3 after site 2 died");
            System.out.printf("two logins (Argon2) and two sends on sites 1 and 3 after kill of site 2: %d ms%n",
                    (System.nanoTime() - killed) / 1_000_000);
            assertThat(daveOn3.history(room.id(), null, 50).entries()).extracting(EntryView::text)
                    .contains("carol on site 1 after site 2 died", "dave on site 3 after site 2 died");
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
    }

    @Test
    @Order(5)
    void downShouldStopEveryProcess() {
        long t1 = System.nanoTime();
        CliRun down = run("cluster", "down", "--dir", dir.toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        System.out.printf("cluster down: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(ClusterCommand.running(dirOption())).isFalse();
    }

    private static final String PASSWORD = "correct horse battery";

    private static ClusterCommand.DirOption dirOption() {
        ClusterCommand.DirOption option = new ClusterCommand.DirOption();
        option.dir = dir;
        return option;
    }

    private static IeumClient client(String url) {
        return IeumClient.create(ClientOptions.of(URI.create(url)));
    }

    private static HttpResponse<String> get(String url) throws Exception {
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
