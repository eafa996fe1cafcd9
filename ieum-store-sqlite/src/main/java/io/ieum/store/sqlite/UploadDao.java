package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;

/** The {@code uploads} table: who uploaded which blob; keyed (sha256, user), indexed by user for exports. */
final class UploadDao {

    static final String TABLE = "uploads";
    static final String SHA256 = "sha256";
    static final String USER_ID = "user_id";
    static final String SIZE = "size";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + SHA256 + " TEXT NOT NULL, "
                    + USER_ID + " BLOB NOT NULL, "
                    + SIZE + " INTEGER NOT NULL, "
                    + "PRIMARY KEY (" + SHA256 + ", " + USER_ID + ")) WITHOUT ROWID",
            "CREATE INDEX uploads_by_user ON " + TABLE + " (" + USER_ID + ")");

    private static final String INSERT = "INSERT INTO " + TABLE + " (" + SHA256 + ", " + USER_ID + ", " + SIZE
            + ") VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String EXISTS = "SELECT 1 FROM " + TABLE + " WHERE " + SHA256 + " = ? AND " + USER_ID + " = ?";
    private static final String SELECT_BY_USER = "SELECT " + SHA256 + ", " + SIZE + " FROM " + TABLE
            + " WHERE " + USER_ID + " = ?";

    void insertIfAbsent(SqlConnection connection, UserId uploader, BlobInfo blob) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        insert.setString(1, blob.sha256());
        Columns.setUuid(insert, 2, uploader.uuid());
        insert.setLong(3, blob.size());
        insert.executeUpdate();
    }

    boolean isUploader(SqlConnection connection, String sha256, UserId user) throws SQLException {
        PreparedStatement select = connection.prepare(EXISTS);
        select.setString(1, sha256);
        Columns.setUuid(select, 2, user.uuid());
        try (ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    List<BlobInfo> uploadsOf(SqlConnection connection, UserId user) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_BY_USER);
        Columns.setUuid(select, 1, user.uuid());
        List<BlobInfo> blobs = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                blobs.add(new BlobInfo(row.getString(SHA256), row.getLong(SIZE)));
            }
        }
        return blobs;
    }
}
