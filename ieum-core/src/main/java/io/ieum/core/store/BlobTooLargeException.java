package io.ieum.core.store;

import java.io.IOException;

/** The content of a {@link BlobStore#put} went past its size limit; nothing was stored. */
public class BlobTooLargeException extends IOException {

    private final long limit;

    public BlobTooLargeException(long limit) {
        super("content: more than " + limit + " bytes (expected: at most " + limit + ")");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
