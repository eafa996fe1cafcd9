package io.ieum.cli.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A whole server-to-client WebSocket text frame (RFC 6455: FIN, opcode 1, unmasked) in one buffer,
 * written as raw bytes past Netty's frame encoder so that every recipient shares the same bytes.
 */
final class ServerFrame {

    private ServerFrame() {}

    static ByteBuf encode(ByteBufAllocator alloc, ByteBuf payload) {
        int length = payload.readableBytes();
        ByteBuf frame = alloc.directBuffer(10 + length);
        frame.writeByte(0x81);
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126).writeShort(length);
        } else {
            frame.writeByte(127).writeLong(length);
        }
        frame.writeBytes(payload, payload.readerIndex(), length);
        return frame;
    }
}
