package io.ieum.core.error;

/**
 * Every kind of failure a caller can see. Each code maps to one HTTP status and one entry
 * {@code error.<code>} in the server's message bundles; the mapping to HTTP lives in one place,
 * the server's error mapper.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    INVALID_FIELD(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    BLOCKED(403),
    NOT_FOUND(404),
    NOT_MEMBER(403),
    CONFLICT(409),
    USERNAME_TAKEN(409),
    ID_CONFLICT(409),
    DELETE_WINDOW_PASSED(409),
    ROOM_FULL(409),
    /** An order or booking cannot move from its status to the one asked for. */
    INVALID_TRANSITION(409),
    /** The order or booking changed since the version the caller decided on; reload and decide again. */
    STATE_CHANGED(409),
    /** Another booking holds the slot. */
    SLOT_TAKEN(409),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_ATTEMPTS(429),
    BUSY(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The lower-case name used on the wire, e.g. {@code not_member}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
