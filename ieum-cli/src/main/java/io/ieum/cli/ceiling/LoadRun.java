package io.ieum.cli.ceiling;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;

/** One generator process's share of {@code ieum ceiling load}: its sockets, its sends, what came back. */
final class LoadRun implements AutoCloseable {

    /** After the last send, how long deliveries may stop before the run gives up waiting for the rest. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LoadShare share;
    private final EventLoopGroup loops;
    private final Deliveries deliveries;
    private final List<Channel> channels = new ArrayList<>();

    LoadRun(LoadShare share) {
        this.share = share;
        this.loops = Transport.loops(share.ioThreads());
        this.deliveries = new Deliveries(share.sends());
    }

    /** Opens every socket and waits until each has joined its group. */
    void connect() throws Exception {
        URI uri = share.server();
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).withUTF8Validator(false).handshakeTimeoutMillis(30_000).build();
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (int u = 0; u < share.users(); u++) {
            LoadConnection connection = new LoadConnection(share.firstGroup() + u / share.groupSize(), deliveries);
            Channel channel = new Bootstrap().group(loops).channel(Transport.clientChannel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                    new WebSocketClientProtocolHandler(ws), connection);
                        }
                    })
                    .connect(uri.getHost(), uri.getPort()).sync().channel();
            channels.add(channel);
            joins.add(connection.joined());
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /**
     * Open loop from {@code startNanos}: send j goes out when due whatever came back before, round
     * robin over the sockets; a sender ahead of schedule sleeps at least the send tick (fewer
     * wake-ups, sends that fell due meanwhile are late by up to a tick, which counts).
     */
    LoadResult run(long startNanos) {
        long measureFrom = startNanos + share.warmupNanos();
        deliveries.measureFrom(measureFrom);
        int sends = share.sends();
        long tick = share.sendTickNanos();
        long cpuAtMeasure = -1;
        long measuredSends = 0;
        long maxLag = 0;
        long lastSent = measureFrom;
        for (int j = 0; j < sends; j++) {
            long due = startNanos + share.dueOffsetNanos(j);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.max(due - now, tick));
            }
            maxLag = Math.max(maxLag, now - due);
            if (due >= measureFrom) {
                if (cpuAtMeasure < 0) {
                    cpuAtMeasure = ProcStat.cpuNanos("self");
                }
                measuredSends++;
            }
            Channel channel = channels.get(j % channels.size());
            int group = share.firstGroup() + (j % channels.size()) / share.groupSize();
            channel.writeAndFlush(new TextWebSocketFrame(Payload.write(channel.alloc(), due, j, group)),
                    channel.voidPromise());
            lastSent = now;
        }
        long expected = (long) sends * share.groupSize();
        awaitDeliveries(expected);
        long cpu = cpuAtMeasure < 0 ? 0 : ProcStat.cpuNanos("self") - cpuAtMeasure;
        return new LoadResult(sends, measuredSends, expected, deliveries.received(), deliveries.misrouted(),
                deliveries.exactlyDelivered(sends, share.groupSize()), cpu, maxLag, lastSent - measureFrom,
                deliveries.lastNanos() - measureFrom, deliveries.latencies());
    }

    /** Until every delivery is in, or none came for a while, or the wait has gone on too long. */
    private void awaitDeliveries(long expected) {
        long waitStart = System.nanoTime();
        while (deliveries.received() < expected) { // misrouted frames count as received too
            long now = System.nanoTime();
            long lastArrival = Math.max(deliveries.lastNanos(), waitStart);
            if (now - lastArrival > QUIET_NANOS || now - waitStart > MAX_WAIT_NANOS) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
