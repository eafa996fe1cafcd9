package io.ieum.store.sqlite;

import java.sql.SQLException;

/**
 * A unit of work run by the {@link SqliteWriter} inside a group-commit transaction. It may only
 * change the database, and may run twice: when a neighbour in its batch fails, the batch is rolled
 * back and run again with a savepoint per task.
 */
@FunctionalInterface
interface WriteTask<T> {
    T run(SqlConnection connection) throws SQLException;
}
