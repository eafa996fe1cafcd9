package io.ieum.store.cassandra;

import io.ieum.core.store.BlobStore;
import io.ieum.core.store.contract.BlobStoreContract;

class CassandraBlobStoreTest extends CassandraStorageTestBase implements BlobStoreContract {

    @Override
    public BlobStore blobStore() {
        return storage().blobs();
    }
}
