package io.ieum.cli.ceiling;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** The bare relay of {@code ieum ceiling serve}: WebSocket on {@code /ws}, groups, nothing else. */
final class Relay implements AutoCloseable {

    private final EventLoopGroup loops;
    private final Channel server;

    private Relay(EventLoopGroup loops, Channel server) {
        this.loops = loops;
        this.server = server;
    }

    /** Listens on {@code host}:{@code port} (port 0 picks a free one) with {@code loopThreads} event loops. */
    static Relay start(String host, int port, int loopThreads) throws InterruptedException {
        EventLoopGroup loops = Transport.loops(loopThreads);
        Map<Integer, RelayGroup> groups = new ConcurrentHashMap<>();
        Map<EventLoop, LoopBatch> batches = new ConcurrentHashMap<>();
        // No UTF-8 check of every frame: a relay passes bytes on, and Ieum's server does not check either.
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws").withUTF8Validator(false).build();
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(Transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new WebSocketServerProtocolHandler(ws), new RelayHandler(groups, batches));
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
        return new Relay(loops, server);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    Channel channel() {
        return server;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
