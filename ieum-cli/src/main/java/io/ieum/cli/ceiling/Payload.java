package io.ieum.cli.ceiling;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The text of one load frame: {@code DUE INDEX GROUP } in decimal, then filler up to {@link #SIZE}
 * bytes. DUE is the {@code System.nanoTime()} at which the send was scheduled (not when it went
 * out: lateness of the sender counts in the latency), INDEX the sending process's send number,
 * GROUP the sender's group, so a receiver can tell a frame that reached the wrong group.
 */
final class Payload {

    /**
     * Bytes of text per frame: about an Ieum push ({"type":"entry","entry":{...}} with three UUIDs,
     * kind, a short text, createdAt and the other Entry fields of docs/protocol.md, ~300 bytes).
     */
    static final int SIZE = 300;

    private static final byte[] FILLER = filler();

    private Payload() {}

    static ByteBuf write(ByteBufAllocator alloc, long dueNanos, long index, int group) {
        byte[] head = (dueNanos + " " + index + " " + group + " ").getBytes(StandardCharsets.US_ASCII);
        ByteBuf buf = alloc.buffer(SIZE);
        buf.writeBytes(head);
        buf.writeBytes(FILLER, 0, Math.max(0, SIZE - head.length));
        return buf;
    }

    /** The three numbers at the start of {@code text}, left unread. */
    static Fields read(ByteBuf text) {
        int at = text.readerIndex();
        long[] values = new long[3];
        for (int v = 0; v < 3; v++) {
            boolean negative = text.getByte(at) == '-';
            if (negative) {
                at++;
            }
            long value = 0;
            byte b;
            while ((b = text.getByte(at++)) != ' ') {
                value = value * 10 + (b - '0');
            }
            values[v] = negative ? -value : value;
        }
        return new Fields(values[0], values[1], (int) values[2]);
    }

    record Fields(long dueNanos, long index, int group) {}

    private static byte[] filler() {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
