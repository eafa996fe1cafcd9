package io.ieum.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobStore;
import io.ieum.core.store.BlobTooLargeException;

/** The behaviour every {@link BlobStore} backend must show. */
public interface BlobStoreContract {

    BlobStore blobStore();

    UserId MINA = UserId.random();
    UserId JOON = UserId.random();
    long NO_LIMIT = Long.MAX_VALUE;

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    default void putShouldReturnTheSha256AndSizeOfTheBytes() throws IOException {
        byte[] bytes = randomBytes(200_000, 1);

        BlobInfo info = blobStore().put(MINA, stream(bytes), NO_LIMIT);

        assertThat(info).isEqualTo(new BlobInfo(sha256(bytes), bytes.length));
        assertThat(blobStore().info(info.sha256())).contains(info);
    }

    @Test
    default void putShouldStoreEmptyContent() throws IOException {
        BlobInfo info = blobStore().put(MINA, stream(new byte[0]), NO_LIMIT);

        assertThat(info).isEqualTo(new BlobInfo(sha256(new byte[0]), 0));
        assertThat(readAll(blobStore().open(info.sha256()).orElseThrow())).isEmpty();
    }

    @Test
    default void putShouldStreamContentLargerThanAnyBuffer() throws Exception {
        long size = 12L * 1024 * 1024 + 17;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private long left = size;
            private final Random random = new Random(7);

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, Math.min(left, 8192));
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                expected.update(chunk);
                System.arraycopy(chunk, 0, buffer, offset, n);
                left -= n;
                return n;
            }
        };

        BlobInfo info = blobStore().put(MINA, generated, size);

        assertThat(info).isEqualTo(new BlobInfo(HexFormat.of().formatHex(expected.digest()), size));
        try (InputStream in = blobStore().open(info.sha256()).orElseThrow()) {
            assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
        }
    }

    @Test
    default void putOfTheSameBytesTwiceShouldReturnTheSameInfo() throws IOException {
        byte[] bytes = "the same photo".getBytes(StandardCharsets.UTF_8);

        BlobInfo first = blobStore().put(MINA, stream(bytes), NO_LIMIT);
        BlobInfo second = blobStore().put(JOON, stream(bytes), NO_LIMIT);

        assertThat(second).isEqualTo(first);
        assertThat(blobStore().isUploader(first.sha256(), MINA)).isTrue();
        assertThat(blobStore().isUploader(first.sha256(), JOON)).isTrue();
        assertThat(readAll(blobStore().open(first.sha256()).orElseThrow())).isEqualTo(bytes);
    }

    @Test
    default void putShouldAcceptContentOfExactlyTheLimit() throws IOException {
        byte[] bytes = randomBytes(1000, 2);

        assertThat(blobStore().put(MINA, stream(bytes), 1000).size()).isEqualTo(1000);
    }

    @Test
    default void putOverTheLimitShouldFailAndStoreNothing() {
        byte[] bytes = randomBytes(100_001, 3);

        assertThatThrownBy(() -> blobStore().put(MINA, stream(bytes), 100_000))
                .isInstanceOf(BlobTooLargeException.class)
                .satisfies(e -> assertThat(((BlobTooLargeException) e).limit()).isEqualTo(100_000));

        assertThat(blobStore().info(sha256(bytes))).isEmpty();
        assertThat(blobStore().isUploader(sha256(bytes), MINA)).isFalse();
        assertThat(blobStore().uploadsOf(MINA)).isEmpty();
    }

    @Test
    default void openShouldReturnTheStoredBytes() throws IOException {
        byte[] bytes = randomBytes(300_000, 4);
        BlobInfo info = blobStore().put(MINA, stream(bytes), NO_LIMIT);

        assertThat(readAll(blobStore().open(info.sha256()).orElseThrow())).isEqualTo(bytes);
    }

    @Test
    default void infoAndOpenShouldBeEmptyForAnUnknownBlob() throws IOException {
        String unknown = sha256("never stored".getBytes(StandardCharsets.UTF_8));

        assertThat(blobStore().info(unknown)).isEmpty();
        assertThat(blobStore().open(unknown)).isEmpty();
    }

    @Test
    default void isUploaderShouldBeTrueOnlyForTheUploader() throws IOException {
        BlobInfo info = blobStore().put(MINA, stream(randomBytes(10, 5)), NO_LIMIT);

        assertThat(blobStore().isUploader(info.sha256(), MINA)).isTrue();
        assertThat(blobStore().isUploader(info.sha256(), JOON)).isFalse();
    }

    @Test
    default void uploadsOfShouldListEveryBlobTheUserUploadedOnce() throws IOException {
        BlobInfo first = blobStore().put(MINA, stream(randomBytes(10, 6)), NO_LIMIT);
        BlobInfo second = blobStore().put(MINA, stream(randomBytes(20, 7)), NO_LIMIT);
        blobStore().put(MINA, stream(randomBytes(10, 6)), NO_LIMIT);
        blobStore().put(JOON, stream(randomBytes(30, 8)), NO_LIMIT);

        assertThat(blobStore().uploadsOf(MINA)).containsExactlyInAnyOrder(first, second);
        assertThat(blobStore().uploadsOf(UserId.random())).isEmpty();
    }
}
