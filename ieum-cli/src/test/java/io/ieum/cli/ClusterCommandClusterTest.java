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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
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
 * nodes as child processes on a free {@code 127.0.N.} prefix. In order: a killed site 2 brought back
 * with {@code cluster start} serves what it missed (the site an earlier class left dead — the shop
 * storm's — is not started first: {@link BringsBackSite}); shared accounts and rooms across sites;
 * the partition drill; the fire drill (loss 0, duplicates 0, resume p99 within 3 s), which leaves its
 * site dead ({@code --leave-killed}, saving a restart under traffic); login and send on the two sites
 * left; and {@code cluster down} leaving nothing running — which is why this class runs last
 * (ieum-cluster-tests' ClusterTierOrder; ADR 0018).
 */
@Tag("cassandra")
@ExtendWith(SharedClusterExtension.class)
@BringsBackSite(ClusterCommandClusterTest.REJOINING)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCommandClusterTest {

    /** The site the first test brings back: the one the shop storm kills. */
    static final int REJOINING = 2;
    /**
     * Shorter than the default 30 s: the cluster's JVMs have served for minutes, and the fault still
     * waits until acks are steady (p99 within 500 ms over 5 s) before its random moment.
     */
    private static final String WARMUP = "20";

    private static Path dir;
    private static String prefix;
    private static String[] urls;
    /** Every cluster process this class has seen: all must be gone after {@code cluster down}. */
    private static final Set<ProcessHandle> started = new LinkedHashSet<>();
    private static int firedAt;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void up() {
        Locale.setDefault(Locale.ENGLISH);
        // The JVM's one cluster, started by the real `cluster up` (SharedClusterExtension), every site up but maybe site 2.
        SharedCluster shared = SharedCluster.get();
        dir = shared.dir();
        prefix = shared.prefix();
        urls = new String[] {null, "http://" + prefix + "1:8081", "http://" + prefix + "2:8082", "http://" + prefix + "3:8083"};
        CliRun up = shared.up();
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Cassandra up on every site", "Cluster ready in", urls[1], urls[2], urls[3]);
        System.out.printf("cluster up (shared, at the JVM's first real-cluster class): %.1f s%n", shared.upTime().toMillis() / 1000.0);
        rememberProcesses();
        assertThat(processesOf(1)).hasSize(2);
        assertThat(processesOf(3)).hasSize(2);
    }

    private static void rememberProcesses() {
        IeumSites ieum = IeumSites.attach(dir).orElseThrow();
        LocalCluster cassandra = LocalCluster.attach(dir.resolve("cassandra"));
        for (Site site : Site.all()) {
            ieum.process(site).ifPresent(started::add);
            cassandra.node(site).process().ifPresent(started::add);
        }
    }

    private static List<ProcessHandle> processesOf(int site) {
        List<ProcessHandle> processes = new ArrayList<>();
        IeumSites.attach(dir).orElseThrow().process(Site.of(site)).ifPresent(processes::add);
        LocalCluster.attach(dir.resolve("cassandra")).node(Site.of(site)).process().ifPresent(processes::add);
        return processes;
    }

    @AfterAll
    static void leaveNothingRunning() {
        if (ClusterCommand.running(dirOption())) {
            run("cluster", "down", "--dir", dir.toString());
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The rejoin of a killed site at the Ieum level (LocalClusterTest checks the same at ONE on the
     * Cassandra node alone): site 2 dead — left so by the shop storm, or killed here when this class
     * runs alone —, an account, a room and messages made on sites 1 and 3 meanwhile; then the operator's
     * {@code cluster start --site 2} (its node caught up by the sweep before its Ieum node starts) and
     * site 2 serves them: the account logs in there, the history read there holds the missed messages,
     * it sends, and sites 1 and 3 see it back (3 datacenters and 2 peers up).
     */
    @Test
    @Order(1)
    void aKilledSiteShouldRejoinThroughClusterStartAndServeWhatItMissed() throws Exception {
        if (!processesOf(REJOINING).isEmpty()) {
            CliRun kill = run("cluster", "kill", "--site", Integer.toString(REJOINING), "--dir", dir.toString());
            assertThat(kill.exitCode()).as(kill.err()).isZero();
        }
        assertThat(processesOf(REJOINING)).as("site %d processes", REJOINING).isEmpty();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        String roomId;
        try (IeumClient site1 = client(urls[1]); IeumClient site3 = client(urls[3])) {
            site1.signUp("erin" + suffix, PASSWORD, "Erin");
            site3.signUp("frank" + suffix, PASSWORD, "Frank");
            IeumClient erinOn1 = site1.as(site1.logIn("erin" + suffix, PASSWORD).token());
            roomId = erinOn1.openDirect("frank" + suffix).id();
            erinOn1.sendViaRest(roomId, "erin on site 1 while site 2 was dead");
            site3.as(site3.logIn("frank" + suffix, PASSWORD).token()).sendViaRest(roomId, "frank on site 3 while site 2 was dead");
        }

        long t0 = System.nanoTime();
        CliRun start = run("cluster", "start", "--site", Integer.toString(REJOINING), "--dir", dir.toString());
        System.out.printf("cluster start --site %d: %.1f s%n", REJOINING, (System.nanoTime() - t0) / 1e9);
        assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
        assertThat(start.out()).contains("Site " + REJOINING + " caught up:", "Site " + REJOINING + " is back in");
        rememberProcesses();
        assertThat(processesOf(REJOINING)).hasSize(2);

        assertThat(get(urls[REJOINING] + "/health").statusCode()).isEqualTo(200);
        try (IeumClient site2 = client(urls[REJOINING]); IeumClient site1 = client(urls[1])) {
            IeumClient erinOn2 = site2.as(site2.logIn("erin" + suffix, PASSWORD).token());
            assertThat(erinOn2.history(roomId, null, 50).entries()).extracting(EntryView::text)
                    .containsSubsequence("frank on site 3 while site 2 was dead", "erin on site 1 while site 2 was dead");
            erinOn2.sendViaRest(roomId, "erin on site 2 after its rejoin");
            IeumClient frankOn1 = site1.as(site1.logIn("frank" + suffix, PASSWORD).token());
            assertThat(frankOn1.history(roomId, null, 50).entries()).extracting(EntryView::text)
                    .contains("erin on site 2 after its rejoin");
        }
        for (String url : List.of(urls[1], urls[3])) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode status = json.readTree(get(url + "/api/status").body());
                assertThat(datacenter(status, REJOINING).get("status").asText()).isEqualTo("UP");
                assertThat(peer(status, REJOINING).get("status").asText()).isEqualTo("UP");
            });
        }
    }

    @Test
    @Order(2)
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
    @Order(3)
    void thePartitionDrillShouldLetTheMajorityCarryOnAndTheCutOffSideAcknowledgeNothing() throws Exception {
        Path report = dir.resolve("report-partition");
        CliRun drill = run("drill", "partition", "--dir", dir.toString(), "--seed", Long.toString(new Random().nextLong()),
                "--warmup", WARMUP, "--report", report.toString());
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
    void theFireDrillShouldLoseAndDuplicateNothingAndResumeWithinThreeSeconds() throws Exception {
        Path report = dir.resolve("report-fire");
        // --leave-killed: the restart under traffic (~100 s) is left out; the first test checks a rejoin.
        CliRun drill = run("drill", "fire", "--dir", dir.toString(), "--seed", Long.toString(new Random().nextLong()),
                "--warmup", WARMUP, "--leave-killed", "--report", report.toString());
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
        assertThat(summary.get("events").findValuesAsText("key")).contains("kill", "left-killed").doesNotContain("restart");
        firedAt = summary.get("site").asInt();
        assertThat(processesOf(firedAt)).as("site %d, left dead by the drill", firedAt).isEmpty();
    }

    /** The site the fire drill left dead (or site 2, killed here, when the drill did not run first). */
    @Test
    @Order(5)
    void loginAndSendShouldKeepWorkingOnTheOtherTwoSitesWhileASiteIsDead() throws Exception {
        int dead = firedAt != 0 ? firedAt : 2;
        if (!processesOf(dead).isEmpty()) {
            CliRun kill = run("cluster", "kill", "--site", Integer.toString(dead), "--dir", dir.toString());
            assertThat(kill.exitCode()).as(kill.err()).isZero();
        }
        assertThat(processesOf(dead)).isEmpty();
        int first = dead == 1 ? 2 : 1;
        int second = dead == 3 ? 2 : 3;
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        try (IeumClient siteA = client(urls[first]); IeumClient siteB = client(urls[second])) {
            long t0 = System.nanoTime();
            assertThat(get(urls[first] + "/health").statusCode()).isEqualTo(200);
            siteA.signUp("carol" + suffix, PASSWORD, "Carol");
            siteB.signUp("dave" + suffix, PASSWORD, "Dave");
            IeumClient carol = siteA.as(siteA.logIn("carol" + suffix, PASSWORD).token());
            Room room = carol.openDirect("dave" + suffix);
            carol.sendViaRest(room.id(), "carol on site " + first + " while site " + dead + " is dead");
            IeumClient dave = siteB.as(siteB.logIn("dave" + suffix, PASSWORD).token());
            dave.sendViaRest(room.id(), "dave on site " + second + " while site " + dead + " is dead");
            System.out.printf("two sign-ups, two logins (Argon2) and two sends on sites %d and %d with site %d dead: %d ms%n",
                    first, second, dead, (System.nanoTime() - t0) / 1_000_000);
            assertThat(dave.history(room.id(), null, 50).entries()).extracting(EntryView::text)
                    .contains("carol on site " + first + " while site " + dead + " is dead",
                            "dave on site " + second + " while site " + dead + " is dead");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode status = json.readTree(get(urls[first] + "/api/status").body());
                assertThat(status.get("status").asText()).isEqualTo("UP");
                assertThat(datacenter(status, dead).get("status").asText()).isEqualTo("DOWN");
                assertThat(peer(status, dead).get("status").asText()).isEqualTo("DOWN");
            });
            CliRun degraded = run("cluster", "status", "--dir", dir.toString());
            assertThat(degraded.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(degraded.out()).contains("Not every site is up.");
        }
    }

    @Test
    @Order(6)
    void downShouldStopEveryProcess() {
        rememberProcesses();
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

    /** {@code /api/status}'s entry for site {@code n}'s datacenter ({@code dcN}). */
    private static JsonNode datacenter(JsonNode status, int n) {
        for (JsonNode dc : status.at("/storage/datacenters")) {
            if (dc.get("name").asText().equals("dc" + n)) {
                return dc;
            }
        }
        throw new AssertionError("no dc" + n + " in " + status);
    }

    /** {@code /api/status}'s entry for the peer at site {@code n}. */
    private static JsonNode peer(JsonNode status, int n) {
        for (JsonNode peer : status.get("peers")) {
            if (peer.get("url").asText().equals(urls[n])) {
                return peer;
            }
        }
        throw new AssertionError("no peer " + urls[n] + " in " + status);
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
