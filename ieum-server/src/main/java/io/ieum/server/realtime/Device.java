package io.ieum.server.realtime;

import io.ieum.core.id.UserId;
import io.netty.buffer.ByteBuf;

/** One authenticated socket of a user, as {@link Delivery} sees it. */
interface Device {

    UserId userId();

    /**
     * Queues a complete text frame shared by all recipients; never blocks. The caller keeps its
     * reference: a device that writes the frame writes its own {@link ByteBuf#retainedDuplicate()}.
     * Returns whether the frame was queued (false once the socket is closing).
     */
    boolean push(ByteBuf frame);

    /** Runs {@code task} after {@code delayNanos} on the socket's own thread; never blocks. */
    void later(Runnable task, long delayNanos);
}
