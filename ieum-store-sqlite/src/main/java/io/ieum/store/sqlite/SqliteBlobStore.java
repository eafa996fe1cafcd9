package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.store.StoreArguments;
import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobStore;

/** Blob bytes in files ({@link BlobFiles}), their sizes and uploaders in the database. */
final class SqliteBlobStore implements BlobStore {

    private final BlobFiles files;
    private final SqliteWriter writer;
    private final ReadPool reads;
    private final BlobDao blobs = new BlobDao();
    private final UploadDao uploads = new UploadDao();

    SqliteBlobStore(BlobFiles files, SqliteWriter writer, ReadPool reads) {
        this.files = files;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public BlobInfo put(UserId uploader, InputStream content, long maxBytes) throws IOException {
        requireNonNull(uploader, "uploader");
        requireNonNull(content, "content");
        StoreArguments.maxBytes(maxBytes);
        BlobInfo info = files.write(content, maxBytes);
        writer.call(connection -> {
            blobs.insertIfAbsent(connection, info);
            uploads.insertIfAbsent(connection, uploader, info);
            return null;
        });
        return info;
    }

    @Override
    public Optional<BlobInfo> info(String sha256) {
        checkSha256(sha256);
        return reads.read(connection -> blobs.info(connection, sha256));
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        if (info(sha256).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(files.pathOf(sha256)));
        } catch (NoSuchFileException e) {
            throw new IOException("blob " + sha256 + ": file missing (expected: " + files.pathOf(sha256) + ")", e);
        }
    }

    @Override
    public boolean isUploader(String sha256, UserId user) {
        checkSha256(sha256);
        requireNonNull(user, "user");
        return reads.read(connection -> uploads.isUploader(connection, sha256, user));
    }

    @Override
    public List<BlobInfo> uploadsOf(UserId user) {
        requireNonNull(user, "user");
        return reads.read(connection -> uploads.uploadsOf(connection, user));
    }

    private static void checkSha256(String sha256) {
        if (!BlobInfo.isSha256(sha256)) {
            throw new IllegalArgumentException("sha256: " + sha256 + " (expected: 64 lower-case hex digits)");
        }
    }
}
