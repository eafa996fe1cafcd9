package io.ieum.store.cassandra;

/** {@code blob_chunks}: blob bytes, one partition per (upload, chunk number) so a large blob spreads over the ring. */
final class BlobChunksTable {
    static final String NAME = "blob_chunks";
    static final String UPLOAD_ID = "upload_id";
    static final String CHUNK_NO = "chunk_no";
    static final String DATA = "data";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + UPLOAD_ID + " uuid, " + CHUNK_NO + " int, " + DATA + " blob, "
            + "PRIMARY KEY ((" + UPLOAD_ID + ", " + CHUNK_NO + ")))";

    private BlobChunksTable() {}
}
