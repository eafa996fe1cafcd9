package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.model.BlobInfo;

/**
 * The {@code blobs} table: one row per stored blob, written only after its file is durably in
 * place, so a row always names a complete file.
 */
final class BlobDao {

    static final String TABLE = "blobs";
    static final String SHA256 = "sha256";
    static final String SIZE = "size";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + SHA256 + " TEXT NOT NULL PRIMARY KEY, "
                    + SIZE + " INTEGER NOT NULL) WITHOUT ROWID");

    private static final String INSERT = "INSERT INTO " + TABLE + " (" + SHA256 + ", " + SIZE + ") VALUES (?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String SELECT = "SELECT " + SHA256 + ", " + SIZE + " FROM " + TABLE + " WHERE " + SHA256 + " = ?";

    void insertIfAbsent(SqlConnection connection, BlobInfo blob) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        insert.setString(1, blob.sha256());
        insert.setLong(2, blob.size());
        insert.executeUpdate();
    }

    Optional<BlobInfo> info(SqlConnection connection, String sha256) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT);
        select.setString(1, sha256);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new BlobInfo(row.getString(SHA256), row.getLong(SIZE))) : Optional.empty();
        }
    }
}
