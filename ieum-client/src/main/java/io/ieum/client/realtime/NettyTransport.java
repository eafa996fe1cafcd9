package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * WebSockets on Netty: every socket of one client shares a small event loop group (not a thread
 * per socket), Nagle is off, and the source address can be chosen — a load generator spreads its
 * sockets over 127.0.0.2, 127.0.0.3, … Frames reach the listener as bytes, never decoded to text,
 * split from each read without a frame object ({@link ServerFrameSplitter}).
 */
public final class NettyTransport implements RealtimeTransport {

    /** The largest server frame accepted; a {@code synced} page of long messages can be a few MiB. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final InetAddress localAddress;
    private final int maxFrameBytes;
    private volatile SslContext tls;

    /**
     * @param localAddress the source address of every socket, or null for the system's choice
     */
    public NettyTransport(int ioThreads, InetAddress localAddress, int maxFrameBytes) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: >= 1)");
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: >= 1024)");
        }
        DefaultThreadFactory threads = new DefaultThreadFactory("ieum-client-io", true);
        if (Epoll.isAvailable()) {
            group = new MultiThreadIoEventLoopGroup(ioThreads, threads, EpollIoHandler.newFactory());
            channelType = EpollSocketChannel.class;
        } else {
            group = new MultiThreadIoEventLoopGroup(ioThreads, threads, NioIoHandler.newFactory());
            channelType = NioSocketChannel.class;
        }
        this.localAddress = localAddress;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout,
                               RealtimeSocketListener listener) {
        requireNonNull(uri, "uri");
        requireNonNull(headers, "headers");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(listener, "listener");
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        HttpHeaders extra = new DefaultHttpHeaders();
        headers.forEach(extra::add);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(extra)
                .maxFramePayloadLength(maxFrameBytes)
                // Close frames carry the server's code (4401, 4408, 1001...): the socket reads them itself.
                .handleCloseFrames(false)
                .sendCloseFrame(null)
                // Not a browser: no Origin, as with the JDK client before.
                .generateOriginHeader(false)
                // Every frame is JSON, and the JSON parser rejects bad UTF-8 anyway.
                .withUTF8Validator(false)
                .handshakeTimeoutMillis(connectTimeout.toMillis())
                .build();
        NettySocket socket = new NettySocket(listener, maxFrameBytes);
        SslContext sslContext = secure ? tls() : null;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (sslContext != null) {
                            p.addLast(sslContext.newHandler(ch.alloc(), host, port));
                        }
                        // The socket replaces Netty's frame decoder once the handshake is done (ServerFrameHandler).
                        p.addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(config), socket);
                    }
                });
        ChannelFuture connect = localAddress == null
                ? bootstrap.connect(host, port)
                : bootstrap.connect(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, 0));
        socket.connecting(connect);
        return socket;
    }

    private SslContext tls() {
        SslContext context = tls;
        if (context == null) {
            try {
                context = SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up TLS for wss://", e);
            }
            tls = context;
        }
        return context;
    }

    /** The next of the group's event loops, in turn; with one I/O thread, the loop of every socket. */
    @Override
    public Optional<ScheduledExecutorService> ioThread() {
        return Optional.of(group.next());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
