package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import io.ieum.core.error.IeumException;

/**
 * A well-formed frame with a bad value (e.g. a missing field or an ID that is not a UUIDv7): answered
 * with an {@code error} frame; the socket stays open.
 *
 * @param ref the client's {@code ref} (or the message ID of a {@code send}), echoed in the error; may be null
 */
record RejectedFrame(String ref, IeumException error) implements ParseResult {

    RejectedFrame {
        requireNonNull(error, "error");
    }
}
