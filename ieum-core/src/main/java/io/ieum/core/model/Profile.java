package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import io.ieum.core.error.IeumException;

/**
 * What other people see of an account.
 *
 * @param avatar SHA-256 of the avatar blob, or {@code null} for none
 */
public record Profile(String displayName, String statusMessage, String avatar) {

    public static final int MAX_DISPLAY_NAME = 64;
    public static final int MAX_STATUS_MESSAGE = 140;

    public Profile {
        requireNonNull(displayName, "displayName");
        requireNonNull(statusMessage, "statusMessage");
        if (displayName.isBlank() || displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME) {
            throw IeumException.invalid("displayName: " + displayName.codePointCount(0, displayName.length())
                    + " characters (expected: 1.." + MAX_DISPLAY_NAME + ", not blank)");
        }
        if (statusMessage.codePointCount(0, statusMessage.length()) > MAX_STATUS_MESSAGE) {
            throw IeumException.invalid("statusMessage: " + statusMessage.codePointCount(0, statusMessage.length())
                    + " characters (expected: 0.." + MAX_STATUS_MESSAGE + ")");
        }
        if (avatar != null && !BlobInfo.isSha256(avatar)) {
            throw IeumException.invalid("avatar: '" + avatar + "' (expected: a SHA-256 hex digest)");
        }
    }

    public static Profile named(String displayName) {
        return new Profile(displayName, "", null);
    }
}
