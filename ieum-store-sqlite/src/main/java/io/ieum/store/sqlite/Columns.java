package io.ieum.store.sqlite;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/**
 * How values map to SQLite columns. UUIDs are 16-byte BLOBs, most significant byte first: SQLite
 * compares BLOBs with memcmp, which is the unsigned order of the UUIDs and so the time order of
 * UUIDv7 ({@code MessageId.compareTo}). Instants are INTEGER epoch milliseconds.
 */
final class Columns {

    private Columns() {}

    static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length != 16) {
            throw new IllegalStateException("uuid column: " + bytes.length + " bytes (expected: 16)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static void setUuid(PreparedStatement statement, int index, UUID uuid) throws SQLException {
        if (uuid == null) {
            statement.setNull(index, Types.BLOB);
        } else {
            statement.setBytes(index, bytes(uuid));
        }
    }

    static UUID getUuid(ResultSet row, String column) throws SQLException {
        return uuid(row.getBytes(column));
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setLong(index, instant.toEpochMilli());
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static void setNullableText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }
}
