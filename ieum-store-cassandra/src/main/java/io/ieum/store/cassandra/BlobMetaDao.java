package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.BlobMetaTable.*;

import java.util.Optional;
import java.util.UUID;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** {@link BlobMetaTable}. */
final class BlobMetaDao {

    /** Where a complete blob's chunks are. */
    record BlobMeta(String sha256, UUID uploadId, long size, int chunkCount, int chunkSize) {}

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;

    BlobMetaDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", SHA256, UPLOAD_ID, SIZE, CHUNK_COUNT,
                CHUNK_SIZE) + ") VALUES (?, ?, ?, ?, ?)");
        this.select = cql.prepare("SELECT " + String.join(", ", SHA256, UPLOAD_ID, SIZE, CHUNK_COUNT, CHUNK_SIZE)
                + " FROM {ks}." + NAME + " WHERE " + SHA256 + " = ?");
    }

    void insert(BlobMeta meta) {
        cql.execute(insert.bind(meta.sha256(), meta.uploadId(), meta.size(), meta.chunkCount(), meta.chunkSize()));
    }

    Optional<BlobMeta> get(String sha256) {
        Row row = cql.execute(select.bind(sha256)).one();
        if (row == null || row.isNull(UPLOAD_ID)) {
            return Optional.empty();
        }
        return Optional.of(new BlobMeta(row.getString(SHA256), row.getUuid(UPLOAD_ID), row.getLong(SIZE),
                row.getInt(CHUNK_COUNT), row.getInt(CHUNK_SIZE)));
    }
}
