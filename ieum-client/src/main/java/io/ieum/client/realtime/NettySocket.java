package io.ieum.client.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of one socket's pipeline and the {@link RealtimeSocket} handed to the
 * connection. Netty's handshaker does the upgrade; then Netty's frame decoder makes way for a
 * {@link ServerFrameHandler} that reports frames here. Everything but {@link #send}, {@link #close}
 * and {@link #abort} runs on the socket's event loop, so its fields need no locking.
 */
final class NettySocket extends ChannelInboundHandlerAdapter implements RealtimeSocket, ServerFrameSplitter.Sink {

    private static final Logger log = LoggerFactory.getLogger(NettySocket.class);
    private static final int ABNORMAL = 1006;

    private final RealtimeSocketListener listener;
    private final int maxFrameBytes;
    private volatile Channel channel;
    private volatile boolean open;
    private volatile boolean aborted;
    private int closeCode = ABNORMAL;
    private String closeReason = "connection lost";
    private boolean reported;

    NettySocket(RealtimeSocketListener listener, int maxFrameBytes) {
        this.listener = listener;
        this.maxFrameBytes = maxFrameBytes;
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

    /**
     * Encodes the text straight into a buffer of the channel's (pooled, direct) allocator: the frame's
     * own {@code String} constructor would copy it into a fresh unpooled heap buffer first, and the
     * encoder would copy that again to mask it.
     */
    @Override
    public void send(String text) {
        Channel ch = channel;
        if (ch != null && open) {
            ch.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ch.alloc(), text)), ch.voidPromise());
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

    /** Whether the calling thread is this socket's I/O thread (for tests). */
    boolean inIoThread() {
        Channel ch = channel;
        return ch != null && ch.eventLoop().inEventLoop();
    }

    /** Whether Nagle is off on this socket (for tests). */
    boolean noDelay() {
        Channel ch = channel;
        return ch != null && Boolean.TRUE.equals(ch.config().getOption(ChannelOption.TCP_NODELAY));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            readFramesOurselves(ctx.pipeline());
            open = true;
            listener.onOpen(this);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            closeReason = "handshake timed out";
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    /**
     * Swaps Netty's frame decoder (added by the handshaker right behind the HTTP codec, so bytes the
     * codec still holds reach the replacement) for the splitter, and drops the protocol handler,
     * whose pings, pongs and closes the splitter now answers.
     */
    private void readFramesOurselves(ChannelPipeline pipeline) {
        String decoder = pipeline.context(WebSocketFrameDecoder.class).name();
        pipeline.replace(decoder, "ieum-frames", new ServerFrameHandler(new ServerFrameSplitter(maxFrameBytes, this)));
        pipeline.remove(WebSocketClientProtocolHandler.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        log.debug("Ignoring a {} from the server", msg.getClass().getSimpleName());
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void text(byte[] utf8, int offset, int length) {
        try {
            listener.onText(utf8, offset, length);
        } catch (RuntimeException e) {
            log.warn("The realtime listener failed on a frame", e);
        }
    }

    @Override
    public void ping(byte[] payload, int offset, int length) {
        Channel ch = channel;
        ch.writeAndFlush(new PongWebSocketFrame(Unpooled.copiedBuffer(payload, offset, length)), ch.voidPromise());
    }

    @Override
    public void closed(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        open = false;
        channel.writeAndFlush(new CloseWebSocketFrame(code == 1005 ? 1000 : code, ""))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void failed(int code, String message) {
        // Reported as abnormal (1006) with what was wrong; the server hears the code.
        closeReason = "protocol error: " + message;
        open = false;
        channel.writeAndFlush(new CloseWebSocketFrame(code, message)).addListener(ChannelFutureListener.CLOSE);
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
