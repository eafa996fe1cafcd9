package io.ieum.store.cassandra;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.core.store.Storage;

/** Real-cluster tests: the tag puts them in ieum-cluster-tests, on its one shared cluster ({@code -DskipClusterTests} skips them). */
@Tag("cassandra")
abstract class CassandraStorageTestBase {

    @RegisterExtension
    static final CassandraClusterExtension CASSANDRA = new CassandraClusterExtension();

    Storage storage() {
        return CASSANDRA.storage();
    }
}
