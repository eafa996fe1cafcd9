package io.ieum.server.realtime;

/** What {@link ClientFrameParser} makes of one text frame: a frame to run, a value to refuse, or a violation. */
sealed interface ParseResult permits ClientFrame, RejectedFrame, ProtocolViolation {}
