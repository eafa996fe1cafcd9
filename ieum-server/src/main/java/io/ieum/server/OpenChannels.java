package io.ieum.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.linecorp.armeria.common.annotation.Nullable;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The listening socket and every connection it accepted, so that a stopping server can tell when both
 * are closed. Armeria's {@code Server.stop()} completes only after its acceptor thread's Netty shutdown,
 * whose fixed 2-second quiet period (Armeria issue 5813, no setting in 1.34) added 2 s to every stop:
 * in the tests, hundreds of seconds. Nothing of the server's own work happens in that period.
 */
final class OpenChannels {

    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    @Nullable
    private volatile Channel listener;

    /** For {@code ServerBuilder.childChannelPipelineCustomizer}: remembers each accepted connection. */
    Consumer<ChannelPipeline> tracker() {
        return p -> {
            Channel connection = p.channel();
            if (listener == null) {
                listener = connection.parent();
            }
            connections.add(connection);
        };
    }

    /**
     * Completes once the listening socket is closed and then every connection too; never if no
     * connection was ever accepted (the caller then waits for the whole stop).
     */
    CompletableFuture<Void> whenClosed() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel listening = listener;
        if (listening != null) {
            // Armeria closes the listener after requests in flight end, then every connection.
            listening.closeFuture().addListener(l -> connections.newCloseFuture().addListener(c -> closed.complete(null)));
        }
        return closed;
    }
}
