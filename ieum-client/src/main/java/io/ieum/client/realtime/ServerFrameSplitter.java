package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits what a server sends after the WebSocket handshake into frames (RFC 6455 §5.2) and hands
 * each whole text message to a {@link Sink} as a slice of the bytes it was read into — no frame
 * object and no payload copy when a frame arrived in one read, which is the common case. Only a
 * frame cut by the end of a read is copied (into a buffer kept for the next read), and only a
 * fragmented message is assembled.
 *
 * <p>Server frames are never masked. Control frames may come between a message's fragments. The
 * first protocol violation (reserved bits, unknown opcode, a masked or non-minimal frame, a
 * continuation with no message, a frame or message over the limit) ends the splitting with
 * {@link Sink#failed}; so does a close frame, with {@link Sink#closed}. Not thread-safe: one socket's
 * event loop feeds it.
 */
final class ServerFrameSplitter {

    /** What the splitter found, in the order the server sent it. */
    interface Sink {

        /** A whole text message; the bytes are only valid during the call. */
        void text(byte[] utf8, int offset, int length);

        /** A ping, to be answered with a pong carrying the same payload (valid during the call). */
        void ping(byte[] payload, int offset, int length);

        /** The server's close frame: its code (1005 if it had none) and reason. Nothing follows. */
        void closed(int code, String reason);

        /** A protocol violation: the close code to send (1002, 1007 or 1009) and what was wrong. Nothing follows. */
        void failed(int code, String message);
    }

    static final int PROTOCOL_ERROR = 1002;
    static final int INVALID_PAYLOAD = 1007;
    static final int MESSAGE_TOO_BIG = 1009;

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int NO_MESSAGE = -1;
    /** Returned by {@link #frameLength} when the header is not all there yet, and when the frame broke a rule. */
    private static final long NEED_MORE = -1;
    private static final long FAILED = -2;
    /**
     * A leftover or assembly buffer above this size is dropped once used, not kept for the socket's
     * life: pushes are a few hundred bytes, and a generator holds thousands of sockets.
     */
    private static final int KEEP_LIMIT = 8 * 1024;
    private static final byte[] NONE = new byte[0];

    private final int maxMessageBytes;
    private final Sink sink;
    /** The start of a frame the last read cut off. */
    private byte[] pending = NONE;
    private int pendingLength;
    /** The fragments so far of a message sent in several frames. */
    private byte[] message = NONE;
    private int messageLength;
    private int messageOpcode = NO_MESSAGE;
    private boolean done;

    ServerFrameSplitter(int maxMessageBytes, Sink sink) {
        if (maxMessageBytes < 125 || maxMessageBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxMessageBytes: " + maxMessageBytes
                    + " (expected: 125.." + (Integer.MAX_VALUE - 16) + ")");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.sink = requireNonNull(sink, "sink");
    }

    /** Whether a close frame or a violation has ended the stream; later input is ignored. */
    boolean done() {
        return done;
    }

    /** Splits the next {@code length} bytes read from the socket. */
    void feed(byte[] in, int offset, int length) {
        requireNonNull(in, "in");
        int pos = offset;
        int end = offset + length;
        // First finish the frame an earlier read cut off, taking from this read only what it lacks.
        while (pendingLength > 0 && !done) {
            long size = frameLength(pending, 0, pendingLength);
            if (size == FAILED) {
                return;
            }
            int want = size == NEED_MORE ? headerLength(pending, pendingLength) : (int) size;
            int take = Math.min(want - pendingLength, end - pos);
            append(in, pos, take, size == NEED_MORE ? want : (int) size);
            pos += take;
            if (pendingLength < want) {
                return;
            }
            if (size != NEED_MORE) {
                handle(pending, 0);
                pendingLength = 0;
                if (pending.length > KEEP_LIMIT) {
                    pending = NONE;
                }
            }
        }
        while (pos < end && !done) {
            long size = frameLength(in, pos, end - pos);
            if (size == FAILED) {
                return;
            }
            if (size == NEED_MORE || size > end - pos) {
                append(in, pos, end - pos, size == NEED_MORE ? 16 : (int) size);
                return;
            }
            handle(in, pos);
            pos += (int) size;
        }
    }

    /**
     * The whole size of the frame at {@code pos} (header and payload) once its header is there,
     * {@link #NEED_MORE} before, {@link #FAILED} (after telling the sink) if the header breaks a rule.
     */
    private long frameLength(byte[] b, int pos, int available) {
        if (available < 2) {
            return NEED_MORE;
        }
        int b0 = b[pos];
        int b1 = b[pos + 1];
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        int length7 = b1 & 0x7F;
        if ((b0 & 0x70) != 0) {
            return fail(PROTOCOL_ERROR, "reserved bits set without an extension");
        }
        if ((b1 & 0x80) != 0) {
            return fail(PROTOCOL_ERROR, "masked frame from the server");
        }
        if (opcode >= CLOSE) {
            if (opcode > PONG) {
                return fail(PROTOCOL_ERROR, "unknown control opcode " + opcode);
            }
            if (!fin || length7 > 125) {
                return fail(PROTOCOL_ERROR, "fragmented or long control frame");
            }
        } else if (opcode > BINARY) {
            return fail(PROTOCOL_ERROR, "unknown data opcode " + opcode);
        }
        int header = headerLength(b1);
        if (available < header) {
            return NEED_MORE;
        }
        long payload;
        if (length7 == 126) {
            payload = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            if (payload < 126) {
                return fail(PROTOCOL_ERROR, "16-bit length " + payload + " where 7 bits would do");
            }
        } else if (length7 == 127) {
            payload = 0;
            for (int i = 2; i < 10; i++) {
                payload = (payload << 8) | (b[pos + i] & 0xFF);
            }
            if (payload < 0) {
                return fail(PROTOCOL_ERROR, "64-bit length with the top bit set");
            }
            if (payload <= 0xFFFF) {
                return fail(PROTOCOL_ERROR, "64-bit length " + payload + " where 16 bits would do");
            }
        } else {
            payload = length7;
        }
        if (payload > maxMessageBytes) {
            return fail(MESSAGE_TOO_BIG, "frame of " + payload + " bytes (limit " + maxMessageBytes + ")");
        }
        return header + payload;
    }

    private static int headerLength(int b1) {
        int length7 = b1 & 0x7F;
        return length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
    }

    private static int headerLength(byte[] b, int available) {
        return available < 2 ? 2 : headerLength(b[1]);
    }

    /** Acts on one whole frame whose header {@link #frameLength} accepted. */
    private void handle(byte[] b, int pos) {
        boolean fin = (b[pos] & 0x80) != 0;
        int opcode = b[pos] & 0x0F;
        int header = headerLength(b[pos + 1]);
        int start = pos + header;
        int length = payloadLength(b, pos, header);
        switch (opcode) {
            case TEXT, BINARY -> {
                if (messageOpcode != NO_MESSAGE) {
                    fail(PROTOCOL_ERROR, "new message before the fragmented one ended");
                } else if (fin) {
                    if (opcode == TEXT) {
                        sink.text(b, start, length);
                    }
                } else {
                    messageOpcode = opcode;
                    appendFragment(b, start, length);
                }
            }
            case CONTINUATION -> {
                if (messageOpcode == NO_MESSAGE) {
                    fail(PROTOCOL_ERROR, "continuation frame with no message to continue");
                } else if ((long) messageLength + length > maxMessageBytes) {
                    fail(MESSAGE_TOO_BIG, "message over " + maxMessageBytes + " bytes");
                } else {
                    appendFragment(b, start, length);
                    if (fin) {
                        if (messageOpcode == TEXT) {
                            sink.text(message, 0, messageLength);
                        }
                        messageOpcode = NO_MESSAGE;
                        messageLength = 0;
                        if (message.length > KEEP_LIMIT) {
                            message = NONE;
                        }
                    }
                }
            }
            case CLOSE -> closeFrame(b, start, length);
            case PING -> sink.ping(b, start, length);
            default -> { } // a pong: nothing asked for one
        }
    }

    private static int payloadLength(byte[] b, int pos, int header) {
        if (header == 2) {
            return b[pos + 1] & 0x7F;
        }
        if (header == 4) {
            return ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
        }
        // frameLength checked it fits the limit, so the top four bytes are zero.
        return ((b[pos + 6] & 0xFF) << 24) | ((b[pos + 7] & 0xFF) << 16) | ((b[pos + 8] & 0xFF) << 8) | (b[pos + 9] & 0xFF);
    }

    private void closeFrame(byte[] b, int start, int length) {
        if (length == 1) {
            fail(PROTOCOL_ERROR, "close frame with a one-byte payload");
            return;
        }
        int code = length == 0 ? 1005 : ((b[start] & 0xFF) << 8) | (b[start + 1] & 0xFF);
        if (length > 0 && !validCloseCode(code)) {
            fail(PROTOCOL_ERROR, "close code " + code + " may not be sent");
            return;
        }
        String reason = length > 2 ? new String(b, start + 2, length - 2, StandardCharsets.UTF_8) : "";
        done = true;
        sink.closed(code, reason);
    }

    /** The codes RFC 6455 §7.4 allows in a close frame. */
    private static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private long fail(int code, String why) {
        done = true;
        pendingLength = 0;
        sink.failed(code, why);
        return FAILED;
    }

    /** Adds to the cut-off frame, making room for {@code expected} bytes of it at once. */
    private void append(byte[] in, int pos, int length, int expected) {
        int needed = pendingLength + length;
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, expected));
        }
        System.arraycopy(in, pos, pending, pendingLength, length);
        pendingLength = needed;
    }

    private void appendFragment(byte[] b, int start, int length) {
        int needed = messageLength + length;
        if (needed > message.length) {
            message = Arrays.copyOf(message, Math.max(needed, Math.min(maxMessageBytes, message.length * 2)));
        }
        System.arraycopy(b, start, message, messageLength, length);
        messageLength = needed;
    }
}
