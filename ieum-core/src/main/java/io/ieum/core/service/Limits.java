package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The product limits an operator can tune. Validated once at start-up.
 *
 * @param maxTextLength     characters (code points) in one message
 * @param maxGroupMembers   members of one group room
 * @param deleteWindow      how long after sending a message its sender may delete it for everyone
 * @param maxAttachmentBytes size of one uploaded photo or file
 * @param idMaxAge          how far in the past a new message's ID may lie (clients create IDs);
 *                          together with {@code idMaxFutureSkew} it bounds how far "behind" a
 *                          reader's cursor a message can appear, which sizes the sync overlap
 * @param idMaxFutureSkew   how far in the future a new message's ID may lie
 * @param sessionTtl        how long a login lasts
 */
public record Limits(int maxTextLength, int maxGroupMembers, Duration deleteWindow, long maxAttachmentBytes,
                     Duration idMaxAge, Duration idMaxFutureSkew, Duration sessionTtl) {

    public static final Limits DEFAULTS = new Limits(10_000, 1_000, Duration.ofMinutes(5),
            100L * 1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofDays(30));

    public Limits {
        requireNonNull(deleteWindow, "deleteWindow");
        requireNonNull(idMaxAge, "idMaxAge");
        requireNonNull(idMaxFutureSkew, "idMaxFutureSkew");
        requireNonNull(sessionTtl, "sessionTtl");
        check(maxTextLength >= 1 && maxTextLength <= 1_000_000, "maxTextLength: " + maxTextLength + " (expected: 1..1000000)");
        check(maxGroupMembers >= 2 && maxGroupMembers <= 100_000, "maxGroupMembers: " + maxGroupMembers + " (expected: 2..100000)");
        check(!deleteWindow.isNegative(), "deleteWindow: " + deleteWindow + " (expected: >= 0)");
        check(maxAttachmentBytes >= 1, "maxAttachmentBytes: " + maxAttachmentBytes + " (expected: >= 1)");
        check(!idMaxAge.isNegative() && !idMaxAge.isZero(), "idMaxAge: " + idMaxAge + " (expected: > 0)");
        check(!idMaxFutureSkew.isNegative(), "idMaxFutureSkew: " + idMaxFutureSkew + " (expected: >= 0)");
        check(!sessionTtl.isNegative() && !sessionTtl.isZero(), "sessionTtl: " + sessionTtl + " (expected: > 0)");
    }

    /**
     * How far before a client's cursor a sync must look so that no message stored after the
     * client's last sync is missed: a message can be stored up to {@code idMaxAge} after its ID's
     * time, and IDs can run {@code idMaxFutureSkew} ahead of the clock.
     */
    public Duration syncOverlap() {
        return idMaxAge.plus(idMaxFutureSkew);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
