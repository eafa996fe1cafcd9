package io.ieum.store.sqlite;

import java.sql.SQLException;

/** A query run on a connection borrowed from the {@link ReadPool}. */
@FunctionalInterface
interface ReadTask<T> {
    T run(SqlConnection connection) throws SQLException;
}
