package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

import io.ieum.core.error.IeumException;
import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;
import io.ieum.core.store.BlobStore;

/**
 * The rule for pictures shown to others (a profile's avatar, a shop's picture): it must be a file
 * the person setting it uploaded, since once set it is served to anyone who sees the profile or the
 * shop — knowing a hash must not be enough to publish someone else's private photo. Kept in the core
 * so that every caller of the services (REST, the CLI, tests) gets it.
 */
public final class PublicPictures {

    /** Longer values are cut in error messages, so a garbage field is not echoed whole. */
    private static final int SHOWN = 64;

    private final BlobStore blobs;

    public PublicPictures(BlobStore blobs) {
        this.blobs = requireNonNull(blobs, "blobs");
    }

    /**
     * Passes when {@code sha256} is null (no picture), equal to {@code current} (kept as it is, even
     * if another person set it), or a file {@code setter} uploaded; otherwise 400 naming {@code field}.
     */
    public void requireOwnUpload(String field, String sha256, String current, UserId setter) {
        requireNonNull(field, "field");
        requireNonNull(setter, "setter");
        if (sha256 == null || Objects.equals(sha256, current)) {
            return;
        }
        if (!BlobInfo.isSha256(sha256) || !blobs.isUploader(sha256, setter)) {
            throw IeumException.invalid(field + ": '" + shown(sha256) + "' (expected: the SHA-256 of a file you uploaded)");
        }
    }

    private static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, 40) + "…";
    }
}
