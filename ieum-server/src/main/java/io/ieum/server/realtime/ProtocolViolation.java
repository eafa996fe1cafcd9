package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

/** A frame that breaks the protocol: the socket is closed with {@code closeCode} and {@code reason}. */
record ProtocolViolation(int closeCode, String reason) implements ParseResult {

    ProtocolViolation {
        requireNonNull(reason, "reason");
    }

    static ProtocolViolation of(String reason) {
        return new ProtocolViolation(CloseCodes.PROTOCOL_VIOLATION, reason);
    }
}
