package io.ieum.server;

import io.ieum.core.store.Storage;
import io.ieum.server.config.CassandraSection;
import io.ieum.server.config.StorageConfig;

/** Opens the configured storage backend; the only place that knows the backends' classes. */
final class StorageFactory {

    private StorageFactory() {}

    static Storage open(StorageConfig config, CassandraSection cassandra) {
        return switch (config.backend()) {
            case "sqlite" -> io.ieum.store.sqlite.SqliteStorage.open(
                    io.ieum.store.sqlite.SqliteConfig.of(config.dataDir()).withMaxBatch(config.maxBatch())
                            .withCommitDelay(config.commitDelay()));
            case "cassandra" -> io.ieum.store.cassandra.CassandraStorage.open(new io.ieum.store.cassandra.CassandraConfig(
                    cassandra.contactPoints(), cassandra.localDatacenter(), cassandra.keyspace(),
                    cassandra.replication(), cassandra.requestTimeout()));
            default -> throw new IllegalArgumentException("storage.backend: '" + config.backend()
                    + "' (expected one of: " + String.join(", ", StorageConfig.BACKENDS) + ")");
        };
    }
}
