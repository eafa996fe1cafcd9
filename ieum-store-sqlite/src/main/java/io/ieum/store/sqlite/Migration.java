package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One numbered step of the schema: statements applied together, once, in version order. */
record Migration(int version, String description, List<String> statements) {

    Migration {
        requireNonNull(description, "description");
        statements = List.copyOf(requireNonNull(statements, "statements"));
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
    }
}
