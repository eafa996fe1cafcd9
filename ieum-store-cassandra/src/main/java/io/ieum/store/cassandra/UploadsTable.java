package io.ieum.store.cassandra;

/** {@code uploads}: who uploaded which blob, one partition per user. */
final class UploadsTable {
    static final String NAME = "uploads";
    static final String USER_ID = "user_id";
    static final String SHA256 = "sha256";
    static final String SIZE = "size";

    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}." + NAME + " ("
            + USER_ID + " uuid, " + SHA256 + " text, " + SIZE + " bigint, "
            + "PRIMARY KEY ((" + USER_ID + "), " + SHA256 + "))";

    private UploadsTable() {}
}
