package io.ieum.server.realtime;

import java.nio.charset.StandardCharsets;

/** The close codes of docs/protocol.md ("WebSocket: GET /ws"), in one place. */
final class CloseCodes {

    /** Protocol violation: not JSON, unknown {@code type}, binary frame, frame before {@code auth}, wrong field type. */
    static final int PROTOCOL_VIOLATION = 4400;
    /** Authentication failed or timed out, or the session was revoked or expired. */
    static final int UNAUTHENTICATED = 4401;
    /** The client does not keep up (outbound backlog over its limit) or went silent: reconnect and sync. */
    static final int TOO_SLOW = 4408;
    /** A frame over the size limit; sent by Netty's frame decoder or by {@code Connection} for a fragmented one. */
    static final int TOO_BIG = 1009;
    /** The server is shutting down. */
    static final int GOING_AWAY = 1001;
    /** The client closed; we answer in kind. */
    static final int NORMAL = 1000;

    /** RFC 6455 allows 123 bytes of reason in a close frame; we stay within it for any UTF-8 text. */
    private static final int MAX_REASON_CHARS = 40;

    private CloseCodes() {}

    /** Shortens a reason so that the close frame stays valid (at most 123 bytes of UTF-8). */
    static String reason(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= 123) {
            return text;
        }
        return text.substring(0, Math.min(text.length(), MAX_REASON_CHARS)) + "…";
    }
}
