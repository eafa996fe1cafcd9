package io.ieum.server;

import io.ieum.core.store.Storage;
import io.ieum.server.config.StorageConfig;

/** Opens the configured storage backend; the only place that knows the backends' classes. */
final class StorageFactory {

    private StorageFactory() {}

    static Storage open(StorageConfig config) {
        return switch (config.backend()) {
            case "sqlite" -> io.ieum.store.sqlite.SqliteStorage.open(
                    io.ieum.store.sqlite.SqliteConfig.of(config.dataDir()).withMaxBatch(config.maxBatch()));
            default -> throw new IllegalArgumentException("storage.backend: '" + config.backend() + "' (expected: sqlite)");
        };
    }
}
