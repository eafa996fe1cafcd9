package io.ieum.client.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of one socket's pipeline and the {@link RealtimeSocket} handed to the
 * connection. Everything but {@link #send}, {@link #close} and {@link #abort} runs on the socket's
 * event loop, so its fields need no locking.
 */
final class NettySocket extends ChannelInboundHandlerAdapter implements RealtimeSocket {

    private static final Logger log = LoggerFactory.getLogger(NettySocket.class);
    private static final int ABNORMAL = 1006;
    /** Frames up to this size are copied into one reused array instead of a new one each. */
    private static final int SCRATCH_LIMIT = 64 * 1024;

    private final RealtimeSocketListener listener;
    private volatile Channel channel;
    private volatile boolean open;
    private volatile boolean aborted;
    private int closeCode = ABNORMAL;
    private String closeReason = "connection lost";
    private boolean reported;
    private byte[] scratch = new byte[1024];

    NettySocket(RealtimeSocketListener listener) {
        this.listener = listener;
    }

    void connecting(ChannelFuture connect) {
        channel = connect.channel();
        if (aborted) {
            channel.close();
        }
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                report(ABNORMAL, "connect failed: " + f.cause());
            }
        });
    }

    @Override
    public void send(String text) {
        Channel ch = channel;
        if (ch != null && open) {
            ch.writeAndFlush(new TextWebSocketFrame(text), ch.voidPromise());
        }
    }

    @Override
    public void close(int code, String reason) {
        Channel ch = channel;
        if (ch == null) {
            aborted = true;
            return;
        }
        if (open && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.close();
        }
    }

    @Override
    public void abort() {
        aborted = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /** Whether Nagle is off on this socket (for tests). */
    boolean noDelay() {
        Channel ch = channel;
        return ch != null && Boolean.TRUE.equals(ch.config().getOption(ChannelOption.TCP_NODELAY));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            open = true;
            listener.onOpen(this);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            closeReason = "handshake timed out";
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                deliver(text.content());
            } else if (msg instanceof CloseWebSocketFrame close) {
                closeCode = close.statusCode() < 0 ? 1005 : close.statusCode();
                closeReason = close.reasonText();
                open = false;
                ctx.writeAndFlush(new CloseWebSocketFrame(closeCode == 1005 ? 1000 : closeCode, ""))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                log.debug("Ignoring a {} from the server", msg.getClass().getSimpleName());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void deliver(ByteBuf content) {
        int length = content.readableBytes();
        byte[] bytes;
        int offset;
        if (content.hasArray()) {
            bytes = content.array();
            offset = content.arrayOffset() + content.readerIndex();
        } else {
            if (length > scratch.length) {
                if (length > SCRATCH_LIMIT) {
                    bytes = new byte[length];
                } else {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                    bytes = scratch;
                }
            } else {
                bytes = scratch;
            }
            content.getBytes(content.readerIndex(), bytes, 0, length);
            offset = 0;
        }
        try {
            listener.onText(bytes, offset, length);
        } catch (RuntimeException e) {
            log.warn("The realtime listener failed on a frame", e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A refused handshake, an oversized or corrupt frame, a reset: the socket is done.
        if (closeCode == ABNORMAL) {
            closeReason = cause.toString();
        }
        open = false;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open = false;
        report(closeCode, closeReason);
        super.channelInactive(ctx);
    }

    private void report(int code, String reason) {
        if (reported) {
            return;
        }
        reported = true;
        listener.onClosed(code, reason);
    }
}
