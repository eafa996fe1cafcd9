package io.ieum.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobStore;

class PublicPicturesTest {

    private static final String MINE = "a".repeat(64);
    private static final String THEIRS = "b".repeat(64);
    private static final String NOBODYS = "c".repeat(64);

    private final UserId me = UserId.random();
    private final UserId other = UserId.random();
    private final PublicPictures pictures = new PublicPictures(new Uploads(Map.of(MINE, Set.of(me), THEIRS, Set.of(other))));

    @Test
    void aFileTheSetterUploadedShouldPass() {
        assertThatCode(() -> pictures.requireOwnUpload("avatar", MINE, null, me)).doesNotThrowAnyException();
    }

    @Test
    void noPictureAndTheCurrentPictureShouldPassWhoeverSetIt() {
        assertThatCode(() -> pictures.requireOwnUpload("picture", null, THEIRS, me)).doesNotThrowAnyException();
        assertThatCode(() -> pictures.requireOwnUpload("picture", THEIRS, THEIRS, me)).doesNotThrowAnyException();
    }

    @Test
    void someoneElsesFileShouldBeRefusedNamingTheField() {
        assertThatThrownBy(() -> pictures.requireOwnUpload("avatar", THEIRS, null, me))
                .isInstanceOfSatisfying(IeumException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.detail()).isEqualTo("avatar: '" + THEIRS + "' (expected: the SHA-256 of a file you uploaded)");
                });
        assertThatThrownBy(() -> pictures.requireOwnUpload("picture", THEIRS, MINE, me))
                .hasMessageContaining("picture: '" + THEIRS + "'");
    }

    @Test
    void anUnknownHashOrAnythingElseShouldBeRefusedAndALongValueCut() {
        assertThatThrownBy(() -> pictures.requireOwnUpload("picture", NOBODYS, null, me))
                .hasMessageContaining("picture: '" + NOBODYS + "'");
        assertThatThrownBy(() -> pictures.requireOwnUpload("avatar", "cat.png", null, me))
                .hasMessageEndingWith("avatar: 'cat.png' (expected: the SHA-256 of a file you uploaded)");
        assertThatThrownBy(() -> pictures.requireOwnUpload("avatar", "x".repeat(500), null, me))
                .hasMessageEndingWith("avatar: '" + "x".repeat(40) + "…' (expected: the SHA-256 of a file you uploaded)");
    }

    /** Only who uploaded what: the one question the rule asks the store. */
    private record Uploads(Map<String, Set<UserId>> uploaders) implements BlobStore {

        @Override
        public boolean isUploader(String sha256, UserId user) {
            return uploaders.getOrDefault(sha256, Set.of()).contains(user);
        }

        @Override
        public BlobInfo put(UserId uploader, InputStream content, long maxBytes) {
            throw new UnsupportedOperationException("put");
        }

        @Override
        public Optional<BlobInfo> info(String sha256) {
            throw new UnsupportedOperationException("info");
        }

        @Override
        public Optional<InputStream> open(String sha256) {
            throw new UnsupportedOperationException("open");
        }

        @Override
        public List<BlobInfo> uploadsOf(UserId user) {
            throw new UnsupportedOperationException("uploadsOf");
        }
    }
}
