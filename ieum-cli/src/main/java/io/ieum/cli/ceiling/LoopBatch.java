package io.ieum.cli.ceiling;

import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * The relay's writes to the sockets of one event loop, flushed once per batch: a socket written by
 * several senders between two runs of this task gets one flush (one {@code writev}) for all of
 * them. Writes from the loop itself go straight to the socket's outbound buffer; writes from
 * other loops wait in a queue. Both are flushed by the next run, which Netty starts after the
 * I/O it is handling, so every frame read in one wake-up of the loop shares the flushes.
 */
final class LoopBatch implements Runnable {

    private final EventLoop loop;
    private final Queue<Pending> fromOtherLoops = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Members written since the last run; touched on this loop only. */
    private final ArrayList<RelayMember> unflushed = new ArrayList<>();

    LoopBatch(EventLoop loop) {
        this.loop = loop;
    }

    /** Writes a complete WebSocket frame to {@code to}, taking over the caller's reference. */
    void write(RelayMember to, ByteBuf frame) {
        if (loop.inEventLoop()) {
            writeHere(to, frame);
        } else {
            fromOtherLoops.offer(new Pending(to, frame));
        }
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false); // first: a write from now on schedules another run
        Pending next;
        while ((next = fromOtherLoops.poll()) != null) {
            writeHere(next.to, next.frame);
        }
        for (int i = 0; i < unflushed.size(); i++) {
            RelayMember member = unflushed.get(i);
            member.flushPending = false;
            member.channel.flush();
        }
        unflushed.clear();
    }

    private void writeHere(RelayMember to, ByteBuf frame) {
        to.channel.write(frame, to.channel.voidPromise());
        if (!to.flushPending) {
            to.flushPending = true;
            unflushed.add(to);
        }
    }

    private record Pending(RelayMember to, ByteBuf frame) {}
}
