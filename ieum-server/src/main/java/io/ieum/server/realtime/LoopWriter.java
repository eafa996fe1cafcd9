package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * Writes the frames other threads send to the sockets of one event loop, in batches. A write from
 * a foreign thread is otherwise one event-loop task, one wake-up and one {@code writev} per frame:
 * per recipient of every message. Here frames wait in one queue per loop, a single task drains
 * whatever has gathered, writes each frame, and flushes each socket it touched once. Under light
 * load a batch holds a frame or two; under heavy load batches grow, which is when the saved
 * wake-ups and system calls count. Frames for one socket keep their order (one FIFO queue).
 */
final class LoopWriter implements Runnable {

    /** Frames written per task before the loop gets a turn to read sockets again. */
    private static final int MAX_PER_TASK = 4096;

    private final EventLoop loop;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Sockets written in the running task, flushed at its end; used on the loop only. */
    private final ArrayList<Outbound> written = new ArrayList<>();

    LoopWriter(EventLoop loop) {
        this.loop = requireNonNull(loop, "loop");
    }

    /** Queues a complete text frame for {@code out}, taking over the caller's reference; never blocks. */
    void write(Outbound out, ByteBuf frame) {
        queue.offer(new Queued(out, frame));
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException stopped) {
                scheduled.set(false);
                releaseQueued(); // the loop is gone and its sockets with it
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false); // before draining: a frame queued from now on schedules another run
        Queued next;
        int count = 0;
        while (count < MAX_PER_TASK && (next = queue.poll()) != null) {
            count++;
            if (next.out.writeUnflushed(next.frame)) {
                written.add(next.out);
            }
        }
        for (int i = 0; i < written.size(); i++) {
            written.get(i).flushWritten();
        }
        written.clear();
        if (count == MAX_PER_TASK && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    private void releaseQueued() {
        Queued next;
        while ((next = queue.poll()) != null) {
            next.frame.release();
        }
    }

    private record Queued(Outbound out, ByteBuf frame) {}
}
