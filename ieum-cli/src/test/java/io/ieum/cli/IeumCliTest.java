package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IeumCliTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void helpShouldListTheCommandsAndSucceed() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("user", "export", "status", "send", "rooms", "bench")
                .contains("Ieum messenger: run a server, administer it, load it.");
    }

    @Test
    void subcommandHelpShouldShowItsLocalizedDescription() {
        CliRun run = CliRun.run("user", "create", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Create an account; the password is read from the first line of standard input.")
                .contains("--password-stdin");
    }

    @Test
    void unknownOptionShouldBeAUsageErrorWithExitCode2() {
        CliRun run = CliRun.run("status", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void statusShouldPrintEachComponentAndSucceedWhenUp() throws IOException {
        try (FakeServer server = new FakeServer(200,
                "{\"status\":\"UP\",\"components\":{\"storage\":{\"status\":\"UP\",\"detail\":\"sqlite ok\"}}}")) {
            CliRun run = CliRun.run("status", "--server", server.url());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains(server.url() + ": UP").contains("storage: UP sqlite ok");
        }
    }

    @Test
    void statusShouldExitWith1WhenAComponentIsDown() throws IOException {
        try (FakeServer server = new FakeServer(503,
                "{\"status\":\"DOWN\",\"components\":{\"storage\":{\"status\":\"DOWN\",\"detail\":\"disk full\"}}}")) {
            CliRun run = CliRun.run("status", "--server", server.url());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("storage: DOWN disk full");
        }
    }

    @Test
    void userCreateShouldReadThePasswordFromStdin() throws IOException {
        try (FakeServer server = new FakeServer(201,
                "{\"id\":\"u-1\",\"username\":\"mina\",\"displayName\":\"Mina\",\"statusMessage\":null,\"avatar\":null}")) {
            CliRun run = CliRun.withStdin("correct horse\n", "user", "create", "mina", "--display-name", "Mina",
                    "--password-stdin", "--server", server.url());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Created user mina (u-1).");
            assertThat(server.requests).singleElement().asString()
                    .startsWith("POST /api/accounts ")
                    .contains("\"password\":\"correct horse\"");
        }
    }

    @Test
    void serverErrorShouldBePrintedWithItsCodeAndExit1() throws IOException {
        try (FakeServer server = new FakeServer(409,
                "{\"error\":\"username_taken\",\"message\":\"username: mina (expected: a free username)\"}")) {
            CliRun run = CliRun.withStdin("pw\n", "user", "create", "mina", "--password-stdin", "--server", server.url());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).contains("Error: username_taken: username: mina (expected: a free username)");
        }
    }

    @Test
    void commandNeedingAUserShouldExplainMissingCredentials() {
        CliRun run = CliRun.run("rooms", "--server", "http://127.0.0.1:1", "--token", "");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Give --token (or IEUM_TOKEN), or --user and --password.");
    }

    @Test
    void serveShouldRefuseAMissingConfigFileWithUsageExitCode() {
        CliRun run = CliRun.run("serve", "--config", "/no/such/ieum.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid configuration: config file: '/no/such/ieum.yaml' (expected: a readable YAML file)");
    }

    @Test
    void benchShouldRefuseANonLoopbackServer() {
        CliRun run = CliRun.run("bench", "--server", "http://example.com:8080", "--users", "4", "--group-size", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("server: http://example.com:8080 (expected: a loopback address)");
    }

    @ParameterizedTest
    @CsvSource({
            "-5, sendTick: -5 µs (expected: 0..100000 µs)",
            "100001, sendTick: 100001 µs (expected: 0..100000 µs)",
            "99999999999, '99999999999' is not an int"})
    void benchShouldRefuseASendTickOutOfRangeNamingIt(String tick, String message) {
        CliRun run = CliRun.run("bench", "--server", "http://127.0.0.1:1", "--users", "4", "--group-size", "2",
                "--send-tick", tick);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
    }

    @Test
    void outputShouldBeKoreanUnderAKoreanLocale() throws IOException {
        Locale.setDefault(Locale.KOREAN);
        try (FakeServer server = new FakeServer(409, "{\"error\":\"username_taken\",\"message\":\"이미 있음\"}")) {
            CliRun run = CliRun.withStdin("pw\n", "user", "create", "mina", "--password-stdin", "--server", server.url());

            assertThat(run.err()).contains("오류: username_taken: 이미 있음");
        }
    }
}
