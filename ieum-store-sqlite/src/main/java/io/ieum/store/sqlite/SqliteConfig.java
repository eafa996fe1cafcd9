package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the SQLite backend.
 *
 * @param dataDir       directory holding {@code ieum.db} and {@code blobs/}; created if missing
 * @param maxBatch      most write tasks committed in one transaction (group commit)
 * @param busyTimeout   how long a connection waits for a lock before failing
 * @param readPoolSize  read-only connections serving queries beside the writer
 * @param queueCapacity most write tasks waiting for the writer; beyond it writes fail as busy
 * @param commitDelay   how long the writer waits for more tasks before a commit, when it found
 *                      others queued behind the first, counted from that first task's queueing
 *                      (zero: never waits)
 */
public record SqliteConfig(Path dataDir, int maxBatch, Duration busyTimeout, int readPoolSize, int queueCapacity,
        Duration commitDelay) {

    public static final int DEFAULT_MAX_BATCH = 500;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_READ_POOL_SIZE = 4;
    /** About a second of writes at the rate one writer commits here: a longer queue only delays acks. */
    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;
    /** As the server's {@code storage.commitDelay}: fewer commits under load, no wait for a lone write (ADR 0022). */
    public static final Duration DEFAULT_COMMIT_DELAY = Duration.ofMillis(2);
    public static final Duration MAX_COMMIT_DELAY = Duration.ofSeconds(1);

    public SqliteConfig {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(busyTimeout, "busyTimeout");
        requireNonNull(commitDelay, "commitDelay");
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new IllegalArgumentException("maxBatch: " + maxBatch + " (expected: 1..10000)");
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout: " + busyTimeout + " (expected: 0.." + Integer.MAX_VALUE + " ms)");
        }
        if (readPoolSize < 1 || readPoolSize > 64) {
            throw new IllegalArgumentException("readPoolSize: " + readPoolSize + " (expected: 1..64)");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity + " (expected: >= 1)");
        }
        if (commitDelay.isNegative() || commitDelay.compareTo(MAX_COMMIT_DELAY) > 0) {
            throw new IllegalArgumentException("commitDelay: " + commitDelay + " (expected: 0.." + MAX_COMMIT_DELAY.toMillis() + " ms)");
        }
    }

    /** The defaults for {@code dataDir}. */
    public static SqliteConfig of(Path dataDir) {
        return new SqliteConfig(dataDir, DEFAULT_MAX_BATCH, DEFAULT_BUSY_TIMEOUT, DEFAULT_READ_POOL_SIZE,
                DEFAULT_QUEUE_CAPACITY, DEFAULT_COMMIT_DELAY);
    }

    public SqliteConfig withMaxBatch(int newMaxBatch) {
        return new SqliteConfig(dataDir, newMaxBatch, busyTimeout, readPoolSize, queueCapacity, commitDelay);
    }

    public SqliteConfig withQueueCapacity(int newQueueCapacity) {
        return new SqliteConfig(dataDir, maxBatch, busyTimeout, readPoolSize, newQueueCapacity, commitDelay);
    }

    public SqliteConfig withCommitDelay(Duration newCommitDelay) {
        return new SqliteConfig(dataDir, maxBatch, busyTimeout, readPoolSize, queueCapacity, newCommitDelay);
    }

    Path databaseFile() {
        return dataDir.resolve("ieum.db");
    }

    Path blobDir() {
        return dataDir.resolve("blobs");
    }
}
