package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CassandraConfigTest {

    private static final Map<String, Integer> THREE_SITES = Map.of("dc1", 3, "dc2", 3, "dc3", 3);

    @Test
    void aValidConfigShouldKeepItsValues() {
        CassandraConfig config = CassandraConfig.of(List.of("127.0.0.1:9042", "cass-2.ieum.internal:9042"), "dc1", "ieum", THREE_SITES);

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.contactAddresses()).hasSize(2);
        assertThat(config.contactAddresses().get(1).getHostString()).isEqualTo("cass-2.ieum.internal");
        assertThat(config.contactAddresses().get(1).getPort()).isEqualTo(9042);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | dc1 | ieum     | contactPoints: '127.0.0.1' (expected: host:port, port 1..65535)",
            "127.0.0.1:70000  | dc1 | ieum     | contactPoints: '127.0.0.1:70000' (expected: host:port, port 1..65535)",
            "127.0.0.1:9042   | dc9 | ieum     | localDatacenter: 'dc9' (expected: one of the replicated datacenters",
            "127.0.0.1:9042   | dc1 | Ieum-Prod | keyspace: 'Ieum-Prod' (expected: 1-48 characters of a-z, 0-9, '_', starting with a letter)",
    })
    void invalidValuesShouldBeRefusedNamingTheValue(String point, String dc, String keyspace, String message) {
        assertThatThrownBy(() -> CassandraConfig.of(List.of(point), dc, keyspace, THREE_SITES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void replicationShouldBeOneToNinePerDatacenter() {
        assertThatThrownBy(() -> CassandraConfig.of(List.of("127.0.0.1:9042"), "dc1", "ieum", Map.of("dc1", 0)))
                .hasMessage("replication.dc1: 0 (expected: 1..9)");
        assertThatThrownBy(() -> CassandraConfig.of(List.of("127.0.0.1:9042"), "dc1", "ieum", Map.of()))
                .hasMessageStartingWith("replication: {} (expected: replicas per datacenter");
    }

    @Test
    void contactPointsAndTimeoutShouldBeChecked() {
        assertThatThrownBy(() -> CassandraConfig.of(List.of(), "dc1", "ieum", THREE_SITES))
                .hasMessage("contactPoints: [] (expected: at least one host:port)");
        assertThatThrownBy(() -> CassandraConfig.of(List.of("127.0.0.1:9042"), "dc1", "ieum", THREE_SITES)
                .withRequestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout: PT0S (expected: 1ms..2m)");
    }
}
