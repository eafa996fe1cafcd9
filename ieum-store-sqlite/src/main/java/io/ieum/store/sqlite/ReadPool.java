package io.ieum.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of read-only connections, each used by one borrower at a time. */
final class ReadPool implements AutoCloseable {

    private final BlockingQueue<SqlConnection> idle;
    private final List<SqlConnection> all = new ArrayList<>();

    ReadPool(SqliteConnections connections, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                SqlConnection connection = connections.openReader();
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Runs {@code task} on an idle connection, waiting for one if all are busy. */
    <T> T read(ReadTask<T> task) {
        SqlConnection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteStorageException("interrupted while waiting for a read connection", e);
        }
        try {
            return task.run(connection);
        } catch (SQLException e) {
            throw new SqliteStorageException("read failed: " + e.getMessage(), e);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        for (SqlConnection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        all.clear();
    }
}
