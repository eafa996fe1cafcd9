package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The server-to-client side of one socket, with a bounded backlog. Bytes written but not yet taken
 * by the kernel are this client's backlog (Netty counts them, including writes still queued for the
 * event loop); once they pass {@code maxPendingBytes} the channel is not writable, and the next
 * write closes the socket with {@value CloseCodes#TOO_SLOW} instead: the client reconnects and
 * syncs, and a dead or slow socket never holds memory or other recipients back. A single frame
 * larger than the limit (a big {@code synced} page) is accepted when the backlog is small.
 *
 * <p>It sits in the pipeline to drop whatever is written after the close frame (writes come from
 * many threads), and closes the TCP connection if the client does not answer the close frame.
 */
final class Outbound extends ChannelOutboundHandlerAdapter {

    enum Result { WRITTEN, CLOSED, DROPPED_SLOW }

    /** How long a client has to answer our close frame (after reading its backlog) before we hang up. */
    static final long CLOSE_GRACE_MILLIS = 10_000;
    /** Frames larger than this are written as they are, not copied into a batch's buffer. */
    private static final int MAX_GATHERED_FRAME = 8 * 1024;
    private static final int MAX_GATHERED_BYTES = 64 * 1024;

    private final Channel channel;
    private final Runnable onDropped;
    private ChannelHandlerContext ctx;
    private volatile boolean closing;
    /** Written by {@link #writeUnflushed} and not flushed yet; used on the event loop only. */
    private boolean unflushed;
    /** The batch's frames not written yet (one frame, or a buffer of copies if owned); event loop only. */
    private ByteBuf gathered;
    private boolean gatheredOwned;

    /** @param onDropped called once when the socket is dropped for being too slow (counts it) */
    Outbound(Channel channel, long maxPendingBytes, Runnable onDropped) {
        this.channel = requireNonNull(channel, "channel");
        this.onDropped = requireNonNull(onDropped, "onDropped");
        int high = (int) Math.min(Integer.MAX_VALUE, maxPendingBytes);
        // Armeria turns watermarks off for its own channels; this one is ours now.
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(high / 2, high));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Writes and flushes a complete text frame (see {@link TextFrames}), taking over the caller's reference. */
    Result write(ByteBuf frame) {
        Result admitted = admit(frame);
        if (admitted == Result.WRITTEN) {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
        return admitted;
    }

    /**
     * On the event loop, for {@link LoopWriter}: takes a frame into this socket's share of the
     * running batch, taking over the caller's reference. Returns true when the socket now needs a
     * {@link #flushWritten()} it did not need before, so that the batch flushes each socket once.
     */
    boolean writeUnflushed(ByteBuf frame) {
        if (closing || !channel.isWritable()) {
            writeGathered(); // what was taken before a close frame goes out before it
        }
        if (admit(frame) != Result.WRITTEN) {
            return false;
        }
        gather(frame);
        if (unflushed) {
            return false;
        }
        unflushed = true;
        return true;
    }

    /** On the event loop: writes and flushes what {@link #writeUnflushed} took. */
    void flushWritten() {
        writeGathered();
        unflushed = false;
        channel.flush();
    }

    /**
     * Copies small frames of one batch into one buffer: each frame written on its own costs a
     * trip through the pipeline and an entry in Netty's outbound buffer, which at a few hundred
     * bytes a frame outweighs the copy. A lone frame is written as it is, a large one on its own.
     */
    private void gather(ByteBuf frame) {
        int size = frame.readableBytes();
        if (gathered == null) {
            gathered = frame;
            gatheredOwned = false;
            return;
        }
        boolean largeAlone = !gatheredOwned && gathered.readableBytes() > MAX_GATHERED_FRAME;
        if (largeAlone || size > MAX_GATHERED_FRAME || gathered.readableBytes() + size > MAX_GATHERED_BYTES) {
            writeGathered();
            gathered = frame;
            gatheredOwned = false;
            return;
        }
        if (!gatheredOwned) {
            int first = gathered.readableBytes();
            ByteBuf merged = channel.alloc().directBuffer(Math.max(1024, 4 * (first + size)));
            merged.writeBytes(gathered);
            gathered.release();
            gathered = merged;
            gatheredOwned = true;
        }
        gathered.writeBytes(frame);
        frame.release();
    }

    private void writeGathered() {
        if (gathered != null) {
            ByteBuf batch = gathered;
            gathered = null;
            channel.write(batch, channel.voidPromise());
        }
    }

    /** Whether {@code frame} may be written; if not, releases it (and drops a socket that is too slow). */
    private Result admit(ByteBuf frame) {
        if (closing) {
            frame.release();
            return Result.CLOSED;
        }
        if (!channel.isWritable()) {
            frame.release();
            if (close(CloseCodes.TOO_SLOW, "too slow: reconnect and sync")) {
                onDropped.run();
                return Result.DROPPED_SLOW;
            }
            return Result.CLOSED;
        }
        return Result.WRITTEN;
    }

    /** Answers a WebSocket ping with its payload (a control frame; owned by this call). */
    void pong(ByteBuf payload) {
        if (isOpen()) {
            channel.writeAndFlush(new PongWebSocketFrame(payload), channel.voidPromise());
        } else {
            payload.release();
        }
    }

    /** Asks the client's WebSocket stack for a pong, to find dead peers. */
    void ping() {
        if (isOpen()) {
            channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
        }
    }

    /**
     * Sends a close frame after what is already queued and hangs up once the client answers, or
     * after {@link #CLOSE_GRACE_MILLIS}. Returns whether this call began the close.
     */
    boolean close(int code, String reason) {
        if (!beginClosing()) {
            return false;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(code, CloseCodes.reason(reason)));
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The client sent a close frame: answer it (unless we began) and hang up. */
    void answerClose() {
        if (beginClosing()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(CloseCodes.NORMAL, "bye")).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close(); // our close frame was answered: the closing handshake is done
        }
    }

    /** Marks the socket closed when something else closed it (the peer, or the frame decoder's own close frame). */
    void markClosed() {
        beginClosing();
    }

    boolean isOpen() {
        return !closing && channel.isActive();
    }

    private synchronized boolean beginClosing() {
        if (closing) {
            return false;
        }
        closing = true;
        return true;
    }

    /** Nothing written after the close frame reaches the client. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid()) {
                promise.trySuccess(); // dropped on purpose: the socket is closing
            }
            return;
        }
        ctx.write(msg, promise);
    }
}
