package io.ieum.store.sqlite;

import java.sql.SQLException;

/** A unit of work run by the {@link SqliteWriter} inside a group-commit transaction. */
@FunctionalInterface
interface WriteTask<T> {
    T run(SqlConnection connection) throws SQLException;
}
