package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;

/**
 * Encodes a value as one complete server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode
 * text, unmasked, length, payload) in a pooled buffer. Such a buffer passes Netty's frame encoder
 * untouched, so the same bytes can be written to any number of sockets with
 * {@link ByteBuf#retainedDuplicate()}: the JSON is written once, straight into the buffer, and the
 * header is put in front of it afterwards, in room left for it.
 */
final class TextFrames {

    /** The longest header a server frame has: 2 bytes plus a 64-bit length. */
    static final int MAX_HEADER = 10;
    private static final int FIN_TEXT = 0x81;

    private TextFrames() {}

    /** Writes a frame's JSON to the stream it is given. */
    @FunctionalInterface
    interface Payload {
        void writeTo(OutputStream out) throws IOException;
    }

    static ByteBuf encode(ObjectWriter writer, Object value, ByteBufAllocator alloc) {
        requireNonNull(writer, "writer");
        requireNonNull(value, "value");
        return encode(out -> writer.writeValue(out, value), value.getClass().getSimpleName(), alloc);
    }

    /** As above, for JSON written by {@code payload}; {@code what} names it in a failure. */
    static ByteBuf encode(Payload payload, String what, ByteBufAllocator alloc) {
        requireNonNull(payload, "payload");
        ByteBuf frame = alloc.buffer(256);
        try {
            frame.writerIndex(MAX_HEADER);
            payload.writeTo(new ByteBufOutputStream(frame));
            putHeader(frame, frame.writerIndex() - MAX_HEADER);
            return frame;
        } catch (IOException | RuntimeException e) {
            frame.release();
            throw new IllegalStateException("cannot encode " + what, e);
        }
    }

    /** Writes the header for {@code length} payload bytes just before index {@link #MAX_HEADER}. */
    private static void putHeader(ByteBuf frame, int length) {
        int start;
        if (length < 126) {
            start = MAX_HEADER - 2;
            frame.setByte(start + 1, length);
        } else if (length <= 0xFFFF) {
            start = MAX_HEADER - 4;
            frame.setByte(start + 1, 126);
            frame.setShort(start + 2, length);
        } else {
            start = 0;
            frame.setByte(1, 127);
            frame.setLong(2, length);
        }
        frame.setByte(start, FIN_TEXT);
        frame.readerIndex(start);
    }

    /** The payload of a frame made by {@link #encode} (for tests and logs). */
    static ByteBuf payload(ByteBuf frame) {
        int second = frame.getUnsignedByte(frame.readerIndex() + 1);
        int header = second < 126 ? 2 : second == 126 ? 4 : 10;
        return frame.slice(frame.readerIndex() + header, frame.readableBytes() - header);
    }
}
