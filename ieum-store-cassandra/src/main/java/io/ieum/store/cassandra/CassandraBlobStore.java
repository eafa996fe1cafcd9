package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

import io.ieum.core.store.StoreArguments;
import io.ieum.core.id.Ids;
import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobStore;
import io.ieum.core.store.BlobTooLargeException;
import io.ieum.store.cassandra.BlobMetaDao.BlobMeta;

/**
 * Blobs as chunks in the replicated keyspace. The SHA-256 is known only at the end of the stream, so
 * chunks are written under a fresh upload ID while hashing; {@code blob_meta} (SHA-256 → upload ID)
 * is written last and is what makes the blob exist. An upload that fails or runs over its limit
 * never writes the meta row, and its chunks are deleted (at worst left as unreachable orphans).
 * At most {@link #CHUNK_SIZE} x ({@link #CHUNKS_IN_FLIGHT} + 1) bytes are held at once.
 */
final class CassandraBlobStore implements BlobStore {

    static final int CHUNK_SIZE = 256 * 1024;
    static final int CHUNKS_IN_FLIGHT = 4;

    private final BlobChunkDao chunks;
    private final BlobMetaDao metas;
    private final UploadDao uploads;

    CassandraBlobStore(Cql cql) {
        this.chunks = new BlobChunkDao(cql);
        this.metas = new BlobMetaDao(cql);
        this.uploads = new UploadDao(cql);
    }

    @Override
    public BlobInfo put(UserId uploader, InputStream content, long maxBytes) throws IOException {
        requireNonNull(uploader, "uploader");
        requireNonNull(content, "content");
        StoreArguments.maxBytes(maxBytes);
        UUID uploadId = Ids.newTimeOrdered();
        MessageDigest digest = sha256();
        Semaphore permits = new Semaphore(CHUNKS_IN_FLIGHT);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        int chunkCount = 0;
        try {
            while (true) {
                int n = content.readNBytes(buffer, 0, CHUNK_SIZE);
                if (n == 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, n);
                permits.acquire();
                CompletableFuture<Void> write = chunks.insert(uploadId, chunkCount++, ByteBuffer.wrap(Arrays.copyOf(buffer, n)));
                write.whenComplete((ignored, error) -> permits.release());
                writes.add(write);
                failFast(writes);
                if (n < CHUNK_SIZE) {
                    break;
                }
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
        } catch (IOException | RuntimeException e) {
            discard(uploadId, chunkCount, writes);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(uploadId, chunkCount, writes);
            throw new InterruptedIOException("blob upload interrupted");
        } catch (ExecutionException e) {
            discard(uploadId, chunkCount, writes);
            throw new IOException("blob upload failed: " + e.getCause(), e.getCause());
        }
        BlobInfo info = new BlobInfo(HexFormat.of().formatHex(digest.digest()), size);
        Optional<BlobMeta> existing = metas.get(info.sha256());
        if (existing.isPresent()) {
            discard(uploadId, chunkCount, writes);
        } else {
            metas.insert(new BlobMeta(info.sha256(), uploadId, size, chunkCount, CHUNK_SIZE));
        }
        uploads.insert(uploader, info);
        return info;
    }

    @Override
    public Optional<BlobInfo> info(String sha256) {
        requireNonNull(sha256, "sha256");
        if (!BlobInfo.isSha256(sha256)) {
            return Optional.empty();
        }
        return metas.get(sha256).map(meta -> new BlobInfo(meta.sha256(), meta.size()));
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        requireNonNull(sha256, "sha256");
        if (!BlobInfo.isSha256(sha256)) {
            return Optional.empty();
        }
        return metas.get(sha256).map(meta -> new ChunkInputStream(chunks, meta.uploadId(), meta.chunkCount()));
    }

    @Override
    public boolean isUploader(String sha256, UserId user) {
        requireNonNull(sha256, "sha256");
        requireNonNull(user, "user");
        return uploads.exists(user, sha256);
    }

    @Override
    public List<BlobInfo> uploadsOf(UserId user) {
        return uploads.list(requireNonNull(user, "user"));
    }

    private static void failFast(List<CompletableFuture<Void>> writes) throws IOException {
        for (CompletableFuture<Void> write : writes) {
            if (write.isCompletedExceptionally()) {
                try {
                    write.join();
                } catch (RuntimeException e) {
                    throw new IOException("blob chunk write failed: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Best effort: orphans are unreachable without a meta row, so a failed clean-up leaks space, never data. */
    private void discard(UUID uploadId, int chunkCount, List<CompletableFuture<Void>> writes) {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
            for (int i = 0; i < chunkCount; i++) {
                chunks.delete(uploadId, i);
            }
            return null;
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Reads chunk after chunk, fetching the next one while the current one is consumed. */
    private static final class ChunkInputStream extends InputStream {
        private final BlobChunkDao chunks;
        private final UUID uploadId;
        private final int chunkCount;
        private int nextChunk;
        private CompletableFuture<ByteBuffer> prefetch;
        private ByteBuffer current = ByteBuffer.allocate(0);

        ChunkInputStream(BlobChunkDao chunks, UUID uploadId, int chunkCount) {
            this.chunks = chunks;
            this.uploadId = uploadId;
            this.chunkCount = chunkCount;
            this.prefetch = chunkCount > 0 ? chunks.select(uploadId, nextChunk++) : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!current.hasRemaining()) {
                if (prefetch == null) {
                    return -1;
                }
                current = await(prefetch);
                prefetch = nextChunk < chunkCount ? chunks.select(uploadId, nextChunk++) : null;
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        @Override
        public void close() {
            prefetch = null;
            current = ByteBuffer.allocate(0);
        }

        private static ByteBuffer await(CompletableFuture<ByteBuffer> future) throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("blob read interrupted");
            } catch (ExecutionException e) {
                throw new IOException("blob read failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
