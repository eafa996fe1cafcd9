package io.ieum.cli.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ieum.cli.IeumCli;

/** The bare relay and its generator over real loopback sockets. */
class CeilingRelayTest {

    private Relay relay;
    private URI uri;

    @BeforeEach
    void startRelay() throws InterruptedException {
        relay = Relay.start("127.0.0.1", 0, 2);
        uri = URI.create("ws://127.0.0.1:" + relay.port() + "/ws");
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    @Test
    void everySendShouldReachExactlyTheFiveConnectionsOfItsGroupAndNoOther() throws Exception {
        // 20 users in 4 groups of 5, 100 sends/s for 2 s: 200 sends, 1,000 deliveries.
        LoadShare share = LoadShare.of(uri, 20, 5, 100, 0, 1, 2, 0, 0, 2);
        LoadResult result;
        try (LoadRun run = new LoadRun(share)) {
            run.connect();
            result = run.run(System.nanoTime());
        }

        assertThat(result.sends()).isEqualTo(200);
        assertThat(result.expected()).isEqualTo(1_000);
        assertThat(result.received()).isEqualTo(1_000);
        assertThat(result.exact()).as("sends received by exactly 5 connections").isEqualTo(200);
        assertThat(result.misrouted()).isZero();
        assertThat(result.latencies().getTotalCount()).as("no warm-up: every delivery timed").isEqualTo(1_000);
    }

    @Test
    void loadAgainstAPortWithNoRelayShouldSaySoAndFail() throws Exception {
        int nothingThere;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            nothingThere = probe.getLocalPort(); // free once closed
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = IeumCli.execute(new PrintWriter(out), new PrintWriter(err), "ceiling", "load",
                "--server", "ws://127.0.0.1:" + nothingThere + "/ws", "--users", "10", "--group-size", "5",
                "--rate", "10", "--duration", "1", "--warmup", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Error: cannot connect to ws://127.0.0.1:" + nothingThere + "/ws")
                .contains("is `ieum ceiling serve` running there?");
    }

    @Test
    void theCommandShouldReportARunWithEveryDeliveryAndTheServersCpu() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = IeumCli.execute(new PrintWriter(out), new PrintWriter(err), "ceiling", "load",
                "--server", uri.toString(), "--users", "20", "--group-size", "5", "--rate", "50",
                "--duration", "1", "--warmup", "1", "--server-pid", Long.toString(ProcessHandle.current().pid()));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Deliveries received / expected, warm-up included: 500 / 500")
                .contains("Sends received by exactly their group: 100 of 100; frames at another group: 0")
                .contains("Sends after the warm-up: 50 ")
                .contains("Server (pid " + ProcessHandle.current().pid() + ") CPU after the warm-up");
    }
}
