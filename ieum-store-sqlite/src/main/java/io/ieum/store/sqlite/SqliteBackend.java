package io.ieum.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ieum.core.store.Storage;

/** The running parts of the SQLite backend: the writer, the read pool and the stores on them. */
final class SqliteBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackend.class);

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final Storage storage;

    private SqliteBackend(SqliteWriter writer, ReadPool reads, BlobFiles blobFiles) {
        this.writer = writer;
        this.reads = reads;
        this.storage = new Storage("sqlite",
                new SqliteAccountStore(writer, reads),
                new SqliteSessionStore(writer, reads),
                new SqliteContactStore(writer, reads),
                new SqliteRoomStore(writer, reads),
                new SqliteTimelineStore(writer, reads),
                new SqliteReadStore(writer, reads),
                new SqliteBlobStore(blobFiles, writer, reads),
                new SqliteChannelStore(writer, reads),
                new SqliteOrderStore(writer, reads),
                new SqliteBookingStore(writer, reads),
                new SqliteHealthProbe(reads, writer),
                this);
    }

    /** Creates the data directory if needed, migrates the schema and starts the writer. */
    static SqliteBackend start(SqliteConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            BlobFiles blobFiles = new BlobFiles(config.blobDir());
            SqliteConnections connections = new SqliteConnections(config);
            SqlConnection writeConnection = connections.openWriter();
            try {
                int applied = Migrations.apply(writeConnection);
                if (applied > 0) {
                    LOG.info("SQLite schema at {}: applied {} migration(s), now version {}",
                            config.databaseFile(), applied, Migrations.latestVersion());
                }
                ReadPool reads = new ReadPool(connections, config.readPoolSize());
                SqliteWriter writer = new SqliteWriter(writeConnection, config.maxBatch(), config.queueCapacity(), config.commitDelay());
                return new SqliteBackend(writer, reads, blobFiles);
            } catch (SQLException | RuntimeException e) {
                writeConnection.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new SqliteStorageException("cannot open SQLite storage in " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    Storage storage() {
        return storage;
    }

    SqliteWriter writer() {
        return writer;
    }

    /** Commits every queued write, then closes every connection. */
    @Override
    public void close() throws SQLException {
        try {
            writer.close();
        } finally {
            reads.close();
        }
    }
}
