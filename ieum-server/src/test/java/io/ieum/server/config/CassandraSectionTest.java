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

class CassandraSectionTest {

    @TempDir
    Path dir;

    @Test
    void defaultsShouldPointAtTheLocalThreeSiteDevCluster() {
        CassandraSection d = ServerConfig.defaults().cassandra();
        assertThat(d.contactPoints()).containsExactly("127.0.0.1:9042");
        assertThat(d.localDatacenter()).isEqualTo("dc1");
        assertThat(d.keyspace()).isEqualTo("ieum");
        assertThat(d.replication()).containsExactly(Map.entry("dc1", 1), Map.entry("dc2", 1), Map.entry("dc3", 1));
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerConfig.defaults().storage().backend()).isEqualTo("sqlite");
    }

    @Test
    void fileShouldSetEverySectionKeyAndSelectTheBackend() throws IOException {
        Path file = write("""
                storage:
                  backend: cassandra
                cassandra:
                  contactPoints: [127.0.0.2:9042, 127.0.0.3:9042]
                  localDatacenter: seoul
                  keyspace: ieum_prod
                  replication: {seoul: 3, busan: 3, daejeon: 3}
                  requestTimeout: 2s
                """);
        ServerConfig config = ServerConfig.load(file, Map.of());
        assertThat(config.storage().backend()).isEqualTo("cassandra");
        assertThat(config.cassandra()).isEqualTo(new CassandraSection(List.of("127.0.0.2:9042", "127.0.0.3:9042"),
                "seoul", "ieum_prod", Map.of("seoul", 3, "busan", 3, "daejeon", 3), Duration.ofSeconds(2)));
        assertThat(config.cassandra().replication().keySet()).containsExactly("seoul", "busan", "daejeon");
    }

    @Test
    void environmentShouldOverrideEveryKeyWithCommaSeparatedListsAndMaps() {
        ServerConfig config = ServerConfig.load(null, Map.of(
                "IEUM_STORAGE_BACKEND", "cassandra",
                "IEUM_CASSANDRA_CONTACTPOINTS", "127.0.0.2:9042, 127.0.0.1:9042,127.0.0.3:9042",
                "IEUM_CASSANDRA_LOCALDATACENTER", "dc2",
                "IEUM_CASSANDRA_KEYSPACE", "ieum_test",
                "IEUM_CASSANDRA_REPLICATION", "dc1:3,dc2:3, dc3:3",
                "IEUM_CASSANDRA_REQUESTTIMEOUT", "1500ms"));
        assertThat(config.storage().backend()).isEqualTo("cassandra");
        assertThat(config.cassandra().contactPoints()).containsExactly("127.0.0.2:9042", "127.0.0.1:9042", "127.0.0.3:9042");
        assertThat(config.cassandra().localDatacenter()).isEqualTo("dc2");
        assertThat(config.cassandra().keyspace()).isEqualTo("ieum_test");
        assertThat(config.cassandra().replication()).containsExactly(Map.entry("dc1", 3), Map.entry("dc2", 3), Map.entry("dc3", 3));
        assertThat(config.cassandra().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void devToolingVariablesSharingThePrefixShouldNotBeMistakenForKeys() {
        ServerConfig config = ServerConfig.load(null, Map.of(
                "IEUM_CASSANDRA_LIB", "/opt/cassandra/lib", "IEUM_CASSANDRA_TESTS", "true"));
        assertThat(config).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void unknownEnvironmentKeyShouldBeRejectedNamingTheKnownKeys() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_CASSANDRA_CONTACTPOINT", "127.0.0.1:9042")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("IEUM_CASSANDRA_CONTACTPOINT: unknown key (expected one of: contactPoints, keyspace, "
                        + "replication, localDatacenter, requestTimeout)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "storage:\\n  backend: mongo | storage.backend: 'mongo' (expected: one of sqlite, cassandra)",
            "cassandra:\\n  contactPoints: []  | cassandra.contactPoints: '[]' (expected: at least one host:port)",
            "cassandra:\\n  contactPoints: [db1] | cassandra.contactPoints: 'db1' (expected: host:port with port 1..65535, e.g. 127.0.0.1:9042)",
            "cassandra:\\n  contactPoints: ['h:70000'] | cassandra.contactPoints: 'h:70000' (expected: host:port with port 1..65535, e.g. 127.0.0.1:9042)",
            "cassandra:\\n  contactPoints: 9042 | cassandra.contactPoints: '9042' (expected: a list of strings or comma-separated values)",
            "cassandra:\\n  keyspace: Ieum | cassandra.keyspace: 'Ieum' (expected: 1-48 characters of a-z, 0-9, '_', starting with a letter)",
            "cassandra:\\n  localDatacenter: dc9 | cassandra.localDatacenter: 'dc9' (expected: one of the replicated datacenters [dc1, dc2, dc3])",
            "cassandra:\\n  replication: {dc1: 0} | cassandra.replication.dc1: '0' (expected: an integer in 1..9)",
            "cassandra:\\n  replication: {dc1: x} | cassandra.replication: '{dc1=x}' (expected: a mapping of names to integers in 1..9, e.g. {dc1: 3, dc2: 3} (environment: dc1:3,dc2:3))",
            "cassandra:\\n  replication: {} | cassandra.replication: '{}' (expected: replicas per datacenter, e.g. {dc1: 3, dc2: 3, dc3: 3})",
            "cassandra:\\n  replication: {'d c': 1} | cassandra.replication: 'd c' (expected: datacenter names of A-Z, a-z, 0-9, '_', '.', '-')",
            "cassandra:\\n  requestTimeout: 10ms | cassandra.requestTimeout: '10ms' (expected: a duration like 500ms, 10s, 5m, 2h or 30d, in 100ms..2m)",
            "cassandra:\\n  consistency: ONE | cassandra.consistency: unknown key (expected one of: contactPoints, keyspace, replication, localDatacenter, requestTimeout)",
    })
    void invalidValuesShouldBeRejectedNamingKeyValueAndExpectation(String yaml, String message) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> ServerConfig.load(file, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void invalidEnvironmentReplicationShouldBeRejected() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("IEUM_CASSANDRA_REPLICATION", "dc1=3")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("cassandra.replication: 'dc1=3' (expected: a mapping of names to integers");
    }

    @Test
    void witherShouldReplaceTheSection() {
        CassandraSection other = new CassandraSection(List.of("127.0.0.3:9042"), "dc3", "ieum",
                Map.of("dc3", 1), Duration.ofSeconds(1));
        assertThat(ServerConfig.defaults().withCassandra(other).cassandra()).isEqualTo(other);
        assertThat(ServerConfig.defaults().withCassandra(other).withPort(9).cassandra()).isEqualTo(other);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("ieum.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
