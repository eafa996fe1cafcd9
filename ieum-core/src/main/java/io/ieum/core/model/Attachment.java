package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import io.ieum.core.error.IeumException;

/** A photo or file attached to a message: a reference to a content-addressed blob plus its metadata. */
public record Attachment(String sha256, String name, String contentType, long size) {

    public static final int MAX_NAME = 255;

    public Attachment {
        requireNonNull(sha256, "sha256");
        requireNonNull(name, "name");
        requireNonNull(contentType, "contentType");
        if (!BlobInfo.isSha256(sha256)) {
            throw IeumException.invalid("attachment.sha256: '" + sha256 + "' (expected: a SHA-256 hex digest)");
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw IeumException.invalid("attachment.name: " + name.length() + " characters (expected: 1.." + MAX_NAME + ")");
        }
        if (size < 0) {
            throw IeumException.invalid("attachment.size: " + size + " (expected: >= 0)");
        }
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
