package io.ieum.store.sqlite;

import io.ieum.core.store.BlobStore;
import io.ieum.core.store.contract.BlobStoreContract;

class SqliteBlobStoreTest extends SqliteStorageTestBase implements BlobStoreContract {

    @Override
    public BlobStore blobStore() {
        return storage.blobs();
    }
}
