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
                assertThat(step.statements()).allSatisfy(cql -> assertThat(cql).contains("IF NOT EXISTS")));
    }

    @Test
    void stepsShouldBeNumberedOneUpWithoutGaps() {
        for (int i = 0; i < CassandraMigrations.STEPS.size(); i++) {
            assertThat(CassandraMigrations.STEPS.get(i).version()).isEqualTo(i + 1);
        }
    }

    @Test
    void everyTableShouldBeCreatedByAStep() {
        Set<String> created = new HashSet<>();
        CassandraMigrations.STEPS.forEach(step -> step.statements().forEach(cql ->
                created.add(cql.replaceFirst("(?s)CREATE TABLE IF NOT EXISTS \\{ks}\\.(\\w+).*", "$1"))));

        assertThat(created).containsExactlyInAnyOrderElementsOf(CassandraMigrations.tables());
    }
}
