package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Binding and reading for the channel DAOs: parameters by their Java type (UUIDs as 16-byte BLOBs,
 * instants as epoch milliseconds, as {@link Columns} lays them out) and rows through a mapper.
 */
final class Statements {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Statements() {}

    static PreparedStatement bind(SqlConnection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepare(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof UUID uuid) {
                Columns.setUuid(statement, index, uuid);
            } else if (value instanceof Instant instant) {
                Columns.setInstant(statement, index, instant);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Boolean flag) {
                statement.setInt(index, flag ? 1 : 0);
            } else {
                throw new IllegalArgumentException("parameter " + index + ": " + value.getClass() + " (expected: a column type)");
            }
        }
        return statement;
    }

    static int update(SqlConnection connection, String sql, Object... values) throws SQLException {
        return bind(connection, sql, values).executeUpdate();
    }

    static <T> List<T> list(SqlConnection connection, RowMapper<T> mapper, String sql, Object... values) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet row = bind(connection, sql, values).executeQuery()) {
            while (row.next()) {
                result.add(mapper.map(row));
            }
        }
        return result;
    }

    static <T> Optional<T> one(SqlConnection connection, RowMapper<T> mapper, String sql, Object... values) throws SQLException {
        List<T> rows = list(connection, mapper, sql, values);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static Instant nullableInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
