package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.cli.bench.BenchReport;
import io.ieum.client.Json;

/** {@code ieum bench} with tiny numbers against a real server: nothing lost, nothing shown twice. */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smallBenchShouldLoseNothingAndDuplicateNothing() throws IOException {
        Path report = dir.resolve("bench.json");
        try (RunningServer server = RunningServer.start(dir.resolve("data"))) {
            CliRun run = CliRun.run("bench", "--server", server.uri().toString(), "--users", "20", "--group-size", "5",
                    "--rate", "50", "--duration", "3", "--warmup", "4", "--ramp-up", "--grace", "20",
                    "--json", report.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        BenchReport result = Json.read(Files.newInputStream(report), BenchReport.class);
        // 3 s at 50/s after a 4 s warm-up: 2 s ramping from 5/s to 50/s (55 sends), 2 s at 50/s.
        assertThat(result.acked()).isEqualTo(305);
        assertThat(result.rampUp()).isTrue();
        // The rate is that of the measured part, not diluted by the ramp (305 / 7 s would be 43.6/s).
        assertThat(result.ackedPerSecond()).isBetween(45.0, 50.5);
        assertThat(result.undelivered()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.rawDuplicates()).isZero();
        assertThat(result.appDuplicates()).isZero();
        // 20 connections in groups of 5: every message reaches the 5 members' connections.
        assertThat(result.deliveries()).isEqualTo(305 * 5);
        assertThat(result.latencyP50Micros()).isPositive();
        assertThat(result.generatorCpuMillis()).isPositive();
        assertThat(result.generatorJvmFlags()).doesNotContain("-javaagent");
        assertThat(result.generatorCpuMicrosPerDelivery())
                .isEqualTo(result.generatorCpuMillis() * 1000.0 / result.deliveries(), offset(1000.0 / result.deliveries()));
        // After the warm-up: part of the CPU time, over the 150 timed sends' deliveries.
        assertThat(result.generatorMeasuredCpuMicrosPerDelivery()).isPositive()
                .isLessThan(result.generatorCpuMillis() * 1000.0 / (150 * 5));
    }

    @Test
    void benchSpreadOverTwoProcessesShouldCountEveryMessageOnceWithSendsGoingOutInTicks() throws IOException {
        Path report = dir.resolve("bench2.json");
        try (RunningServer server = RunningServer.start(dir.resolve("data2"))) {
            CliRun run = CliRun.run("bench", "--server", server.uri().toString(), "--users", "30", "--group-size", "5",
                    "--rate", "40", "--duration", "3", "--grace", "20", "--processes", "2",
                    "--send-tick", "100000", "--json", report.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        BenchReport result = Json.read(Files.newInputStream(report), BenchReport.class);
        assertThat(result.processes()).isEqualTo(2);
        assertThat(result.connections()).isEqualTo(30);
        assertThat(result.acked()).isEqualTo(120);
        assertThat(result.undelivered()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.appDuplicates()).isZero();
        assertThat(result.deliveries()).isEqualTo(120 * 5);
        // Each process is due to send every 50 ms but sleeps at least 100 ms: the sends due meanwhile go
        // out together on waking, the first of them ~50 ms late, and that lateness is reported.
        assertThat(result.sendTickMicros()).isEqualTo(100_000);
        assertThat(result.maxSendLagMicros()).isGreaterThanOrEqualTo(40_000);
    }
}
