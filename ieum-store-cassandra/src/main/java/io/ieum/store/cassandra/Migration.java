package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One numbered schema step. Every statement must be idempotent ({@code IF NOT EXISTS}, or an
 * {@code ALTER TABLE ... WITH} option that sets a value): a step interrupted half-way is simply run
 * again at the next start.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        requireNonNull(description, "description");
        statements = List.copyOf(requireNonNull(statements, "statements"));
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
    }
}
