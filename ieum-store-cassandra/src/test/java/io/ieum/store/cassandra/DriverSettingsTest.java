package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;

/** The settings design.md §5 asks for, read back from the loader the backend really uses. */
class DriverSettingsTest {

    private final DriverConfigLoader loader = DriverSettings.loader(CassandraConfig.of(List.of("127.0.0.2:9042"), "dc2",
            "ieum", Map.of("dc1", 3, "dc2", 3, "dc3", 3)));
    private final DriverExecutionProfile profile = loader.getInitialConfig().getDefaultProfile();

    @Test
    void protocolShouldBeV4WhoseContendedLwtTimeoutsDecode() {
        assertThat(profile.getString(DefaultDriverOption.PROTOCOL_VERSION)).isEqualTo("V4");
    }

    @Test
    void writesShouldBeQuorumAndSerialNeverLocal() {
        assertThat(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY)).isEqualTo("QUORUM");
        assertThat(profile.getString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY)).isEqualTo("SERIAL");
        assertThat(profile.getBoolean(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_ALLOW_FOR_LOCAL_CONSISTENCY_LEVELS)).isFalse();
    }

    @Test
    void theDriverShouldPreferTheLocalSiteAndFailOverToTheOthers() {
        assertThat(profile.getString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER)).isEqualTo("dc2");
        assertThat(profile.getInt(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFrozenNodeShouldBeNoticedWithinSeconds() {
        assertThat(profile.getDuration(DefaultDriverOption.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(profile.getDuration(DefaultDriverOption.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(profile.getDuration(DefaultDriverOption.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRequestToAFrozenNodeShouldAlsoGoToTheNextNodeAfterHalfASecond() {
        assertThat(profile.getString(DefaultDriverOption.SPECULATIVE_EXECUTION_POLICY_CLASS))
                .endsWith("ConstantSpeculativeExecutionPolicy");
        assertThat(profile.getInt(DefaultDriverOption.SPECULATIVE_EXECUTION_MAX)).isEqualTo(2);
        assertThat(profile.getDuration(DefaultDriverOption.SPECULATIVE_EXECUTION_DELAY)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void statementsShouldBeIdempotentByDefault() {
        assertThat(profile.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isTrue();
    }
}
