package io.ieum.store.sqlite;

import java.sql.ResultSet;

import io.ieum.core.store.Storage.HealthProbe;
import io.ieum.core.store.Storage.HealthStatus;

/** Healthy when a read connection answers {@code SELECT 1} and the writer runs; reports the queue depth. */
final class SqliteHealthProbe implements HealthProbe {

    private final ReadPool reads;
    private final SqliteWriter writer;

    SqliteHealthProbe(ReadPool reads, SqliteWriter writer) {
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public HealthStatus check() {
        try {
            int one = reads.read(connection -> {
                try (ResultSet row = connection.prepare("SELECT 1").executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            });
            String detail = "sqlite: select 1 -> " + one + ", writer queue depth " + writer.queueDepth();
            if (one != 1) {
                return HealthStatus.failing(detail + " (expected: select 1 -> 1)");
            }
            if (!writer.isRunning()) {
                return HealthStatus.failing(detail + ", writer stopped (expected: running)");
            }
            return HealthStatus.ok(detail);
        } catch (RuntimeException | Error e) {
            return HealthStatus.failing("sqlite: " + e);
        }
    }
}
