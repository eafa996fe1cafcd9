package io.ieum.cli.ceiling;

import java.util.concurrent.CompletableFuture;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;

/**
 * One generator socket: once upgraded it names its group; the relay's echo of that frame means it
 * has joined; every frame after that is a delivery.
 */
final class LoadConnection extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final int group;
    private final Deliveries deliveries;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    LoadConnection(int group, Deliveries deliveries) {
        this.group = group;
        this.deliveries = deliveries;
    }

    int group() {
        return group;
    }

    CompletableFuture<Void> joined() {
        return joined;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.writeAndFlush(new TextWebSocketFrame(Integer.toString(group)));
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            joined.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        if (!joined.isDone()) {
            joined.complete(null);
        } else {
            deliveries.received(frame.content(), group);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        joined.completeExceptionally(new IllegalStateException("connection closed before joining its group"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        joined.completeExceptionally(cause);
        ctx.close();
    }
}
