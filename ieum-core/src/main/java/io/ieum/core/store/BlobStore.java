package io.ieum.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;

/**
 * Content-addressed bytes (photos, files, avatars). Streams in and out: a blob is never held whole
 * in memory. Storing the same bytes twice stores them once.
 */
public interface BlobStore {

    /**
     * Reads {@code content} to its end, storing it under the SHA-256 of its bytes, and records
     * that {@code uploader} uploaded it.
     *
     * @throws BlobTooLargeException if more than {@code maxBytes} arrive; nothing is stored then
     */
    BlobInfo put(UserId uploader, InputStream content, long maxBytes) throws IOException;

    Optional<BlobInfo> info(String sha256);

    /** Opens the blob for reading; the caller closes the stream. */
    Optional<InputStream> open(String sha256) throws IOException;

    /** Whether {@code user} uploaded the blob (uploaders may always read what they sent). */
    boolean isUploader(String sha256, UserId user);

    /** The blobs the user uploaded, for the data export. */
    List<BlobInfo> uploadsOf(UserId user);
}
