package io.ieum.store.cassandra;

/** {@code blob_meta}: a complete blob, by SHA-256: which upload holds its chunks. Written last, so its presence means complete. */
final class BlobMetaTable {
    static final String NAME = "blob_meta";
    static final String SHA256 = "sha256";
    static final String UPLOAD_ID = "upload_id";
    static final String SIZE = "size";
    static final String CHUNK_COUNT = "chunk_count";
    static final String CHUNK_SIZE = "chunk_size";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + SHA256 + " text PRIMARY KEY, " + UPLOAD_ID + " uuid, " + SIZE + " bigint, " + CHUNK_COUNT + " int, "
            + CHUNK_SIZE + " int)";

    private BlobMetaTable() {}
}
