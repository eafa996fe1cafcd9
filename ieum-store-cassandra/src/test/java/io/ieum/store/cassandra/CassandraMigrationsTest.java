package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CassandraMigrationsTest {

    @Test
    void replicationShouldUseNetworkTopologyStrategyWithEveryDatacenter() {
        assertThat(CassandraMigrations.replication(Map.of("dc2", 3, "dc1", 3, "dc3", 3)))
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3, 'dc3': 3}");
    }

    @Test
    void everyStepShouldBeSafeToRunAgain() {
        assertThat(CassandraMigrations.STEPS).allSatisfy(step ->
                assertThat(step.statements()).allSatisfy(cql -> assertThat(cql).satisfiesAnyOf(
                        create -> assertThat(create).startsWith("CREATE").contains("IF NOT EXISTS"),
                        option -> assertThat(option).matches("ALTER TABLE \\{ks}\\.\\w+ WITH \\w+ = '[^']*'"))));
    }

    @Test
    void aSchemaChangeShouldNeverBeSentToASecondNodeAsASpeculativeExecution() {
        assertThat(CassandraMigrations.ddlStatement("CREATE TABLE IF NOT EXISTS ks.t (id uuid PRIMARY KEY)").isIdempotent())
                .isFalse();
    }

    @Test
    void stepsShouldBeNumberedOneUpWithoutGaps() {
        for (int i = 0; i < CassandraMigrations.STEPS.size(); i++) {
            assertThat(CassandraMigrations.STEPS.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(CassandraMigrations.LATEST).isEqualTo(CassandraMigrations.STEPS.size());
    }

    @Test
    void everyTableShouldBeCreatedByAStep() {
        Set<String> created = new HashSet<>();
        CassandraMigrations.STEPS.forEach(step -> step.statements().stream().filter(cql -> cql.startsWith("CREATE"))
                .forEach(cql -> created.add(cql.replaceFirst("(?s)CREATE TABLE IF NOT EXISTS \\{ks}\\.(\\w+).*", "$1"))));

        assertThat(created).containsExactlyInAnyOrderElementsOf(CassandraMigrations.tables());
    }

    @Test
    void everyTableShouldSpeculateReadsAfterAtMostOneHundredMilliseconds() {
        Set<String> altered = new HashSet<>();
        CassandraMigrations.STEPS.forEach(step -> step.statements().stream()
                .filter(cql -> cql.endsWith("speculative_retry = 'MIN(99p,100ms)'"))
                .forEach(cql -> altered.add(cql.replaceFirst("ALTER TABLE \\{ks}\\.(\\w+) .*", "$1"))));

        assertThat(altered).containsExactlyInAnyOrderElementsOf(CassandraMigrations.tables());
    }
}
