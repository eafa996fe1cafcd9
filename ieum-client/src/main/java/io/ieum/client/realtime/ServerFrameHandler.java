package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Takes the place of Netty's WebSocket frame decoder once the handshake is done: each read is
 * copied once into an array the event loop reuses and split there by a {@link ServerFrameSplitter},
 * instead of building a frame object and a payload buffer per frame and passing each through the
 * rest of the pipeline.
 */
final class ServerFrameHandler extends ChannelInboundHandlerAdapter {

    /** Reads larger than this (only a backlog handed over by the HTTP codec) get an array of their own. */
    private static final int SCRATCH_LIMIT = 256 * 1024;
    private static final FastThreadLocal<byte[][]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[][] initialValue() {
            return new byte[][] {new byte[16 * 1024]};
        }
    };

    private final ServerFrameSplitter splitter;

    ServerFrameHandler(ServerFrameSplitter splitter) {
        this.splitter = requireNonNull(splitter, "splitter");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            int length = buf.readableBytes();
            if (length == 0 || splitter.done()) {
                return;
            }
            if (buf.hasArray()) {
                splitter.feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), length);
                return;
            }
            byte[] bytes = scratch(length);
            buf.getBytes(buf.readerIndex(), bytes, 0, length);
            splitter.feed(bytes, 0, length);
        } finally {
            buf.release();
        }
    }

    private static byte[] scratch(int length) {
        if (length > SCRATCH_LIMIT) {
            return new byte[length];
        }
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < length) {
            holder[0] = new byte[Math.max(length, holder[0].length * 2)];
        }
        return holder[0];
    }
}
