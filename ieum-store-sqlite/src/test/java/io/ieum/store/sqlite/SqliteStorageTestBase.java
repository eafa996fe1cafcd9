package io.ieum.store.sqlite;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.core.store.Storage;

/** A fresh SQLite storage in its own temp directory for every test, closed after it. */
abstract class SqliteStorageTestBase {

    @TempDir
    Path dataDir;

    Storage storage;

    @BeforeEach
    void openStorage() {
        storage = SqliteStorage.open(SqliteConfig.of(dataDir));
    }

    @AfterEach
    void closeStorage() throws Exception {
        storage.close();
    }
}
