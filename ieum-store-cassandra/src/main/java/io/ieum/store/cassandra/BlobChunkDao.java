package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.BlobChunksTable.*;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** {@link BlobChunksTable}. */
final class BlobChunkDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    BlobChunkDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + UPLOAD_ID + ", " + CHUNK_NO + ", " + DATA + ") VALUES (?, ?, ?)");
        this.select = cql.prepare("SELECT " + DATA + " FROM {ks}." + NAME + " WHERE " + UPLOAD_ID + " = ? AND " + CHUNK_NO + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + UPLOAD_ID + " = ? AND " + CHUNK_NO + " = ?");
    }

    CompletableFuture<Void> insert(UUID uploadId, int chunkNo, ByteBuffer data) {
        return cql.executeAsyncVoid(insert.bind(uploadId, chunkNo, data));
    }

    CompletableFuture<ByteBuffer> select(UUID uploadId, int chunkNo) {
        return cql.executeAsync(select.bind(uploadId, chunkNo)).thenApply(rows -> {
            Row row = rows.one();
            if (row == null || row.isNull(DATA)) {
                throw new IllegalStateException("blob chunk " + uploadId + "/" + chunkNo + " is missing");
            }
            return row.getByteBuffer(DATA);
        });
    }

    CompletableFuture<Void> delete(UUID uploadId, int chunkNo) {
        return cql.executeAsyncVoid(delete.bind(uploadId, chunkNo));
    }
}
