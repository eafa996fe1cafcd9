package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A stored blob, named by the SHA-256 of its bytes: storing the same bytes twice stores them once. */
public record BlobInfo(String sha256, long size) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobInfo {
        requireNonNull(sha256, "sha256");
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("sha256: " + sha256 + " (expected: 64 lower-case hex digits)");
        }
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }
}
