package io.ieum.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ieum.core.service.PasswordHashCost;

class ServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void committedSampleShouldValidateAndEqualTheDefaults() {
        Path sample = Path.of("..", "ieum.sample.yaml");
        assertThat(sample).exists();
        assertThat(ServerConfig.load(sample, Map.of())).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void noFileAndNoEnvironmentShouldGiveTheDefaults() {
        assertThat(ServerConfig.load(null, Map.of())).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void environmentShouldOverrideTheFile() throws IOException {
        Path file = write("http:\n  port: 9000\nlimits:\n  maxTextLength: 20\n");
        ServerConfig config = ServerConfig.load(file, Map.of(
                "IEUM_HTTP_PORT", "9191",
                "IEUM_STORAGE_DATADIR", "/tmp/ieum-x",
                "IEUM_LIMITS_MAXTEXTLENGTH", "5000",
                "IEUM_LIMITS_DELETEWINDOW", "2m",
                "IEUM_LIMITS_MAXATTACHMENTBYTES", "5MB",
                "IEUM_NODE_NAME", "site1-a",
                "IEUM_LOG_FORMAT", "json"));
        assertThat(config.http().port()).isEqualTo(9191);
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("/tmp/ieum-x"));
        assertThat(config.limits().maxTextLength()).isEqualTo(5000);
        assertThat(config.limits().deleteWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.limits().maxAttachmentBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.node().name()).isEqualTo("site1-a");
    }

    @Test
    void peersShouldComeFromAYamlListOrCommaSeparatedFromTheEnvironment() throws IOException {
        Path file = write("node:\n  peers: [http://127.0.0.2:8080, 'http://127.0.0.3:8080/']\n  clusterSecret: s3cret-s3cret-s3cret\n");
        assertThat(ServerConfig.load(file, Map.of()).node().peers())
                .containsExactly("http://127.0.0.2:8080", "http://127.0.0.3:8080");
        assertThat(ServerConfig.load(file, Map.of("IEUM_NODE_PEERS", "http://127.0.0.1:9001, http://127.0.0.1:9002")).node().peers())
                .containsExactly("http://127.0.0.1:9001", "http://127.0.0.1:9002");
        assertThat(ServerConfig.defaults().node().peers()).isEmpty();
    }

    @Test
    void clusterSecretShouldBeRequiredWithPeersAndNeverShownInErrors() throws IOException {
        Path noSecret = write("node:\n  peers: [http://127.0.0.2:8080]\n");
        assertThatThrownBy(() -> ServerConfig.load(noSecret, Map.of()))
                .hasMessage("node.clusterSecret: missing (expected: a shared secret of at least 16 characters when node.peers is set)");
        assertThatThrownBy(() -> ServerConfig.load(noSecret, Map.of("IEUM_NODE_CLUSTERSECRET", "short-one")))
                .hasMessage("node.clusterSecret: 9 characters (expected: at least 16)");
        ServerConfig fromEnv = ServerConfig.load(noSecret, Map.of("IEUM_NODE_CLUSTERSECRET", "0123456789abcdef-xyz"));
        assertThat(fromEnv.node().clusterSecret()).isEqualTo("0123456789abcdef-xyz");
        assertThat(fromEnv.node().toString()).doesNotContain("0123456789abcdef");
        assertThat(fromEnv.node().heartbeatInterval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(fromEnv.node().heartbeatTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
        Path tooTight = write("node:\n  heartbeatInterval: 1s\n  heartbeatTimeout: 1500ms\n");
        assertThatThrownBy(() -> ServerConfig.load(tooTight, Map.of()))
                .hasMessage("node.heartbeatTimeout: 1500ms (expected: at least twice node.heartbeatInterval, 1s)");
    }

    @Test
    void syncNudgeWindowShouldDefaultToOneSecondAndBeBounded() throws IOException {
        assertThat(ServerConfig.defaults().node().syncNudgeWindow()).isEqualTo(Duration.ofSeconds(1));
        Path none = write("node:\n  syncNudgeWindow: 0ms\n");
        assertThat(ServerConfig.load(none, Map.of()).node().syncNudgeWindow()).isEqualTo(Duration.ZERO);
        assertThat(ServerConfig.load(none, Map.of("IEUM_NODE_SYNCNUDGEWINDOW", "250ms")).node().syncNudgeWindow())
                .isEqualTo(Duration.ofMillis(250));
        Path tooLong = write("node:\n  syncNudgeWindow: 2m\n");
        assertThatThrownBy(() -> ServerConfig.load(tooLong, Map.of()))
                .hasMessageStartingWith("node.syncNudgeWindow: '2m' (expected: a duration like")
                .hasMessageContaining("in 0s..1m");
    }

    @Test
    void passwordHashingShouldDefaultToOwaspAndBeSetFromTheFileOrTheEnvironment() throws IOException {
        assertThat(ServerConfig.defaults().passwordHashing()).isEqualTo(PasswordHashCost.OWASP);
        assertThat(PasswordHashCost.OWASP).isEqualTo(new PasswordHashCost(19 * 1024, 2, 1));
        Path file = write("passwordHashing:\n  memory: 46MiB\n  iterations: 1\n  parallelism: 2\n");
        assertThat(ServerConfig.load(file, Map.of()).passwordHashing()).isEqualTo(new PasswordHashCost(46 * 1024, 1, 2));
        ServerConfig cheap = ServerConfig.load(file, Map.of("IEUM_PASSWORDHASHING_MEMORY", "64KiB",
                "IEUM_PASSWORDHASHING_ITERATIONS", "1", "IEUM_PASSWORDHASHING_PARALLELISM", "1"));
        assertThat(cheap.passwordHashing()).isEqualTo(new PasswordHashCost(64, 1, 1));
        assertThat(cheap.passwordHashing().meetsOwaspMinimum()).isFalse();
        assertThat(cheap.withPort(0).withDataDir(Path.of("x")).withLimits(ServerConfig.defaults().limits())
                .passwordHashing()).isEqualTo(cheap.passwordHashing());
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_PASSWORDHASHING_MEMORY", "-1MiB")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("passwordHashing.memory: '-1MiB' (expected: a size like");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_PASSWORDHASHING_LANES", "2")))
                .hasMessage("IEUM_PASSWORDHASHING_LANES: unknown key (expected one of: memory, iterations, parallelism)");
    }

    @Test
    void humanUnitsShouldBeRead() throws IOException {
        Path file = write("http:\n  shutdownGrace: 500ms\n  maxRequestBytes: 512KB\nlimits:\n  sessionTtl: 2h\n");
        ServerConfig config = ServerConfig.load(file, Map.of());
        assertThat(config.http().shutdownGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.http().maxRequestBytes()).isEqualTo(512 * 1024);
        assertThat(config.limits().sessionTtl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void eventLoopsShouldDefaultToOnePerTwoCoresAndKeepAGivenCount() throws IOException {
        assertThat(ServerConfig.defaults().http().eventLoopCount())
                .isEqualTo(HttpConfig.defaultEventLoops(Runtime.getRuntime().availableProcessors()));
        assertThat(List.of(1, 2, 3, 8).stream().map(HttpConfig::defaultEventLoops)).containsExactly(1, 1, 1, 4);
        ServerConfig config = ServerConfig.load(write("http:\n  eventLoops: 3\n"), Map.of());
        assertThat(config.http().eventLoopCount()).isEqualTo(3);
        assertThat(ServerConfig.load(null, Map.of("IEUM_HTTP_EVENTLOOPS", "5")).http().eventLoopCount()).isEqualTo(5);
    }

    @Test
    void withersShouldReplaceOneValue() {
        ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(Path.of("x"));
        assertThat(config.http().port()).isZero();
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("x"));
        assertThat(config.limits()).isEqualTo(ServerConfig.defaults().limits());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http:\\n  port: 70000          | http.port: '70000' (expected: an integer in 0..65535)",
            "http:\\n  port: eighty         | http.port: 'eighty' (expected: an integer in 0..65535)",
            "http:\\n  prot: 80             | http.prot: unknown key (expected one of: host, port, maxRequestBytes, shutdownGrace, eventLoops)",
            "http:\\n  maxRequestBytes: 1   | http.maxRequestBytes: '1' (expected: a size like 1048576, 512KB or 100MB, in 1024..67108864 bytes)",
            "http:\\n  shutdownGrace: 1y    | http.shutdownGrace: '1y' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 0s..5m)",
            "http:\\n  eventLoops: 300     | http.eventLoops: '300' (expected: an integer in 0..256)",
            "http:\\n  eventLoops: -1      | http.eventLoops: '-1' (expected: an integer in 0..256)",
            "storage:\\n  backend: mysql    | storage.backend: 'mysql' (expected: one of sqlite, cassandra)",
            "storage:\\n  maxBatch: 0       | storage.maxBatch: '0' (expected: an integer in 1..10000)",
            "storage:\\n  commitDelay: 2s   | storage.commitDelay: '2s' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 0s..1s)",
            "limits:\\n  maxTextLength: 0   | limits.maxTextLength: '0' (expected: an integer in 1..1000000)",
            "limits:\\n  maxGroupMembers: 1 | limits.maxGroupMembers: '1' (expected: an integer in 2..100000)",
            "limits:\\n  deleteWindow: soon | limits.deleteWindow: 'soon' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 0s..366d)",
            "limits:\\n  maxAttachmentBytes: 0 | limits.maxAttachmentBytes: '0' (expected: a size like 1048576, 512KB or 100MB, in 1..17179869184 bytes)",
            "limits:\\n  idMaxAge: 0s       | limits.idMaxAge: '0s' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 1s..1d)",
            "limits:\\n  idMaxFutureSkew: 2h | limits.idMaxFutureSkew: '2h' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 0s..1h)",
            "limits:\\n  sessionTtl: 1s     | limits.sessionTtl: '1s' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 1m..3650d)",
            "node:\\n  name: 'a b'          | node.name: 'a b' (expected: 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-')",
            "node:\\n  peers: [ftp://x]   | node.peers: 'ftp://x' (expected: a base URL like http://127.0.0.2:8080)",
            "node:\\n  peers: [http://a/b] | node.peers: 'http://a/b' (expected: a base URL like http://127.0.0.2:8080)",
            "cluster:\\n  size: 3           | cluster: unknown section (expected one of: http, storage, limits, node, cassandra, passwordHashing)",
            "passwordHashing:\\n  memory: 0    | passwordHashing.memory: '0' (expected: a size like 1048576, 512KB or 100MB, in 8192..1073741824 bytes)",
            "passwordHashing:\\n  memory: lots | passwordHashing.memory: 'lots' (expected: a size like 1048576, 512KB or 100MB, in 8192..1073741824 bytes)",
            "passwordHashing:\\n  memory: 2GiB | passwordHashing.memory: '2GiB' (expected: a size like 1048576, 512KB or 100MB, in 8192..1073741824 bytes)",
            "passwordHashing:\\n  memory: 10000 | passwordHashing.memory: '10000' (expected: a whole number of KiB, like 19MiB or 19456KiB)",
            "passwordHashing:\\n  iterations: 0 | passwordHashing.iterations: '0' (expected: an integer in 1..100)",
            "passwordHashing:\\n  iterations: -2 | passwordHashing.iterations: '-2' (expected: an integer in 1..100)",
            "passwordHashing:\\n  parallelism: 0 | passwordHashing.parallelism: '0' (expected: an integer in 1..64)",
            "passwordHashing:\\n  memory: 16KiB\\n  parallelism: 4 | passwordHashing.memory: 16 KiB (expected: 32..1048576 KiB, at least 8 KiB per lane)",
            "passwordHashing:\\n  lanes: 2    | passwordHashing.lanes: unknown key (expected one of: memory, iterations, parallelism)",
            "http: 8080                     | http: '8080' (expected: a mapping of keys to values)",
    })
    void invalidValuesShouldBeRejectedNamingKeyValueAndExpectation(String yaml, String message) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> ServerConfig.load(file, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void unknownEnvironmentKeyOfAKnownSectionShouldBeRejected() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_HTTP_PROT", "80")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("IEUM_HTTP_PROT: unknown key (expected one of: host, port, maxRequestBytes, shutdownGrace, eventLoops)");
    }

    @Test
    void invalidEnvironmentValueShouldBeRejected() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_HTTP_PORT", "-1")))
                .hasMessage("http.port: '-1' (expected: an integer in 0..65535)");
    }

    @Test
    void missingFileShouldBeRejected() {
        assertThatThrownBy(() -> ServerConfig.load(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nope.yaml' (expected: a readable YAML file)");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("ieum.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
