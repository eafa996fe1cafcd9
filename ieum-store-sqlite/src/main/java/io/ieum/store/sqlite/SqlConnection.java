package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One JDBC connection plus its prepared statements, each prepared once and reused. Used by one
 * thread at a time (the writer thread, or whoever borrowed it from the {@link ReadPool}).
 */
final class SqlConnection implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqlConnection(Connection connection) {
        this.connection = requireNonNull(connection, "connection");
    }

    /** The prepared statement for {@code sql}; callers set every parameter and close result sets. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /**
     * Runs a statement without parameters or results that is run again and again (transaction
     * control), prepared once instead of parsed on every call.
     */
    void executePrepared(String sql) throws SQLException {
        prepare(sql).execute();
    }

    /** Runs a statement without parameters or results (transaction control, DDL, pragmas). */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
        connection.close();
    }
}
