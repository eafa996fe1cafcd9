package io.ieum.cli.ceiling;

import io.netty.channel.Channel;

/** One socket of a relay group and the batch that writes to it (the batch of its own event loop). */
final class RelayMember {

    final Channel channel;
    final LoopBatch batch;
    /** Whether {@link #batch} owes this socket a flush; read and written on the socket's loop only. */
    boolean flushPending;

    RelayMember(Channel channel, LoopBatch batch) {
        this.channel = channel;
        this.batch = batch;
    }
}
