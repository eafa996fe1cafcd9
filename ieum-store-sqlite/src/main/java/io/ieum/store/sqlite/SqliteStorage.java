package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import io.ieum.core.store.Storage;

/** Opens the embedded SQLite backend: the default for one machine. */
public final class SqliteStorage {

    private SqliteStorage() {}

    /**
     * Opens (creating if needed) the database {@code dataDir/ieum.db} and the blob directory
     * {@code dataDir/blobs}, applies missing schema migrations and starts the writer thread.
     * Closing the returned storage commits every accepted write first.
     */
    public static Storage open(SqliteConfig config) {
        return SqliteBackend.start(requireNonNull(config, "config")).storage();
    }
}
