package io.ieum.store.sqlite;

/** SQLite failed in a way the caller cannot fix (I/O error, corrupt file, closed storage). */
public class SqliteStorageException extends RuntimeException {

    public SqliteStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public SqliteStorageException(String message) {
        super(message);
    }
}
