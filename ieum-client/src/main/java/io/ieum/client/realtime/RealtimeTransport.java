package io.ieum.client.realtime;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens WebSockets for {@link Connection}. The seam exists so the protocol logic (auth, resume,
 * outbox, de-duplication) does not depend on one socket library; {@link NettyTransport} is the one
 * the client uses.
 */
public interface RealtimeTransport extends AutoCloseable {

    /**
     * Starts opening a WebSocket to {@code uri}. The listener hears exactly one of
     * {@link RealtimeSocketListener#onClosed} for the returned socket, whether the connect, the
     * handshake or the open socket fails; {@code onOpen} comes first if the handshake succeeded.
     */
    RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout, RealtimeSocketListener listener);

    /**
     * One of the threads the sockets' I/O runs on, if the transport has its own, for work that mostly
     * writes to sockets: a write made on a socket's own I/O thread goes out at once, with no hand-off
     * to that thread and no wake-up of it.
     */
    default Optional<ScheduledExecutorService> ioThread() {
        return Optional.empty();
    }

    /** Stops the I/O threads; sockets still open are dropped. */
    @Override
    void close();
}
