package io.ieum.store.cassandra;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ieum.core.store.Storage;

/** Real-cluster tests: tagged so that only {@code -Pcassandra} (or IEUM_CASSANDRA_TESTS=true) runs them. */
@Tag("cassandra")
abstract class CassandraStorageTestBase {

    @RegisterExtension
    static final CassandraClusterExtension CASSANDRA = new CassandraClusterExtension();

    Storage storage() {
        return CASSANDRA.storage();
    }
}
