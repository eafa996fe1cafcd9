package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FoldedStepsTest {

    private static final Migration CREATE = new Migration(1, "tables", List.of(
            "CREATE TABLE IF NOT EXISTS {ks}.plain (id uuid PRIMARY KEY)",
            "CREATE TABLE IF NOT EXISTS {ks}.ordered (k uuid, c uuid, PRIMARY KEY ((k), c)) WITH CLUSTERING ORDER BY (c DESC)"));
    private static final Migration SPECULATE = new Migration(2, "speculate", List.of(
            "ALTER TABLE {ks}.plain WITH speculative_retry = 'MIN(99p,100ms)'",
            "ALTER TABLE {ks}.ordered WITH speculative_retry = 'MIN(99p,100ms)'"));

    @Test
    void onAnEmptyKeyspaceAnOptionShouldGoIntoTheCreateOfItsTable() {
        List<List<String>> folded = FoldedSteps.of(List.of(CREATE, SPECULATE), Set.of());

        assertThat(folded).containsExactly(List.of(
                "CREATE TABLE IF NOT EXISTS {ks}.plain (id uuid PRIMARY KEY) WITH speculative_retry = 'MIN(99p,100ms)'",
                "CREATE TABLE IF NOT EXISTS {ks}.ordered (k uuid, c uuid, PRIMARY KEY ((k), c)) "
                        + "WITH CLUSTERING ORDER BY (c DESC) AND speculative_retry = 'MIN(99p,100ms)'"), List.of());
    }

    @Test
    void aTableCreatedByAnAppliedStepShouldKeepItsAlter() {
        List<List<String>> folded = FoldedSteps.of(List.of(SPECULATE), Set.of("plain", "ordered"));

        assertThat(folded).containsExactly(SPECULATE.statements());
    }

    @Test
    void aTableThatExistsAlreadyShouldKeepItsAlterEvenIfItsStepIsPending() {
        // Step 1 was cut off after creating `plain`: IF NOT EXISTS would skip an option folded into it.
        List<List<String>> folded = FoldedSteps.of(List.of(CREATE, SPECULATE), Set.of("plain"));

        assertThat(folded).containsExactly(List.of(
                "CREATE TABLE IF NOT EXISTS {ks}.plain (id uuid PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS {ks}.ordered (k uuid, c uuid, PRIMARY KEY ((k), c)) "
                        + "WITH CLUSTERING ORDER BY (c DESC) AND speculative_retry = 'MIN(99p,100ms)'"),
                List.of("ALTER TABLE {ks}.plain WITH speculative_retry = 'MIN(99p,100ms)'"));
    }

    @Test
    void theRealStepsOnAnEmptyKeyspaceShouldCreateEveryTableWithItsOptionAndAlterNothing() {
        List<String> all = FoldedSteps.of(CassandraMigrations.STEPS, Set.of()).stream().flatMap(List::stream).toList();

        assertThat(all).hasSize(CassandraMigrations.tables().size());
        assertThat(all).allSatisfy(cql -> assertThat(cql).startsWith("CREATE TABLE IF NOT EXISTS")
                .endsWith("speculative_retry = '" + CassandraMigrations.SPECULATIVE_RETRY + "'"));
    }
}
