package io.ieum.store.sqlite;

import java.sql.SQLException;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.JournalMode;
import org.sqlite.SQLiteConfig.SynchronousMode;

/** Opens connections to {@code ieum.db} with the pragmas every connection needs. */
final class SqliteConnections {

    private final SqliteConfig config;

    SqliteConnections(SqliteConfig config) {
        this.config = config;
    }

    /** The one connection that writes: WAL, synchronous=FULL (a commit survives power loss). */
    SqlConnection openWriter() throws SQLException {
        return open(false);
    }

    /** A connection that refuses writes; in WAL mode it reads beside the writer without blocking it. */
    SqlConnection openReader() throws SQLException {
        return open(true);
    }

    private SqlConnection open(boolean readOnly) throws SQLException {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(JournalMode.WAL);
        sqlite.setSynchronous(SynchronousMode.FULL);
        sqlite.enforceForeignKeys(false);
        sqlite.setBusyTimeout((int) config.busyTimeout().toMillis());
        // No ID is made by the database (ADR 0001); otherwise the driver follows every insert with
        // a "SELECT last_insert_rowid()" of its own, which cost the writer thread a quarter of its time.
        sqlite.setGetGeneratedKeys(false);
        SqlConnection connection = new SqlConnection(
                sqlite.createConnection("jdbc:sqlite:" + config.databaseFile().toAbsolutePath()));
        if (readOnly) {
            connection.execute("PRAGMA query_only = true");
        }
        return connection;
    }
}
