package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One numbered schema step: statements, then optionally data to move. Every statement must be
 * idempotent ({@code IF NOT EXISTS}, or an {@code ALTER TABLE ... WITH} option that sets a value), and
 * so must the data step: a step interrupted half-way is simply run again at the next start.
 */
record Migration(int version, String description, List<String> statements, DataStep data) {

    /** Moves data into what the statements created; runs after them, before the step is recorded. */
    @FunctionalInterface
    interface DataStep {
        DataStep NONE = cql -> { };

        void run(Cql cql);
    }

    Migration(int version, String description, List<String> statements) {
        this(version, description, statements, DataStep.NONE);
    }

    Migration {
        requireNonNull(description, "description");
        requireNonNull(data, "data");
        statements = List.copyOf(requireNonNull(statements, "statements"));
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
    }
}
