package io.ieum.client.realtime;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * A WebSocket server on 127.0.0.1 whose answer to each text frame a test scripts: it can send
 * garbage, oversized frames or any close code, which the real server never does on purpose. A
 * script may write a raw {@code ByteBuf} (it bypasses the frame encoder) to send frames cut or
 * bunched as it likes. A pong from the client reaches the script as the text "pong:" + its payload.
 */
final class ScriptedWebSocketServer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    final List<InetSocketAddress> peers = new CopyOnWriteArrayList<>();

    ScriptedWebSocketServer(BiConsumer<ChannelHandlerContext, String> onText) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        peers.add(ch.remoteAddress());
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                // No close frame of its own when a script closes the channel: that is a dropped connection.
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws").maxFramePayloadLength(1 << 24).sendCloseFrame(null)
                                        .dropPongFrames(false).build()),
                                new SimpleChannelInboundHandler<Object>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof TextWebSocketFrame frame) {
                                            onText.accept(ctx, frame.text());
                                        } else if (msg instanceof PongWebSocketFrame pong) {
                                            onText.accept(ctx, "pong:" + pong.content().toString(StandardCharsets.UTF_8));
                                        } else if (msg instanceof FullHttpRequest) {
                                            DefaultFullHttpResponse refused = new DefaultFullHttpResponse(
                                                    HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED);
                                            HttpUtil.setContentLength(refused, 0);
                                            ctx.writeAndFlush(refused);
                                        }
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/ws");
    }

    URI siteUri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
