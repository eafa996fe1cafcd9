package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where data lives.
 *
 * @param backend  {@code sqlite} (one node, embedded) or {@code cassandra} (three sites, see the
 *                 {@code cassandra} section)
 * @param dataDir  SQLite database and blobs; for Cassandra only local scratch space
 * @param maxBatch most writes committed together in one transaction (group commit)
 * @param commitDelay how long the SQLite writer waits for more writes before committing, when
 *                 others are already queued, counted from the oldest one's arrival (zero: never waits)
 */
public record StorageConfig(String backend, Path dataDir, int maxBatch, Duration commitDelay) {

    public static final List<String> BACKENDS = List.of("sqlite", "cassandra");
    static final Duration MAX_COMMIT_DELAY = Duration.ofSeconds(1); // before DEFAULTS, which the constructor checks
    public static final StorageConfig DEFAULTS = new StorageConfig("sqlite", Path.of("./data"), 500, Duration.ofMillis(2));

    public StorageConfig {
        requireNonNull(backend, "backend");
        requireNonNull(dataDir, "dataDir");
        requireNonNull(commitDelay, "commitDelay");
        if (!BACKENDS.contains(backend)) {
            throw new InvalidConfigException("storage.backend: '" + backend + "' (expected one of: " + String.join(", ", BACKENDS) + ")");
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new InvalidConfigException("storage.maxBatch: " + maxBatch + " (expected: 1..10000)");
        }
        if (commitDelay.isNegative() || commitDelay.compareTo(MAX_COMMIT_DELAY) > 0) {
            throw new InvalidConfigException("storage.commitDelay: " + commitDelay + " (expected: 0.."
                    + MAX_COMMIT_DELAY.toMillis() + "ms)");
        }
    }

    public StorageConfig withDataDir(Path newDataDir) {
        return new StorageConfig(backend, newDataDir, maxBatch, commitDelay);
    }

    static StorageConfig from(ConfigSection s) {
        StorageConfig d = DEFAULTS;
        String backend = s.string("backend", d.backend());
        if (!BACKENDS.contains(backend)) {
            throw s.invalid("backend", backend, "one of " + String.join(", ", BACKENDS));
        }
        String dir = s.string("dataDir", d.dataDir().toString());
        if (dir.isBlank()) {
            throw s.invalid("dataDir", dir, "a directory path");
        }
        return new StorageConfig(backend, Path.of(dir), s.integer("maxBatch", d.maxBatch(), 1, 10_000),
                s.duration("commitDelay", d.commitDelay(), Duration.ZERO, MAX_COMMIT_DELAY));
    }
}
