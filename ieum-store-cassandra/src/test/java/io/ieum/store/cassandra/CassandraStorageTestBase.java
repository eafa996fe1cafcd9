package io.ieum.store.cassandra;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.core.store.Storage;

/** Real-cluster tests, tagged so that {@code -DskipCassandraTests} can leave them out of a quick run. */
@Tag("cassandra")
abstract class CassandraStorageTestBase {

    @RegisterExtension
    static final CassandraClusterExtension CASSANDRA = new CassandraClusterExtension();

    Storage storage() {
        return CASSANDRA.storage();
    }
}
