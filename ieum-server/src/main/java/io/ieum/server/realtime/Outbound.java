package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;

import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.websocket.WebSocketProtocolViolationException;

/**
 * The server-to-client side of one socket, with a bounded backlog. Armeria takes the next frame
 * from the writer only after the previous one reached the socket, so text bytes written but not
 * yet taken are this client's backlog. A write that finds the backlog over its limit drops the
 * backlog and closes the socket with {@value CloseCodes#TOO_SLOW}: the client reconnects and syncs,
 * and a dead or slow socket never holds memory or other recipients back. A single frame larger
 * than the limit (a big {@code synced} page) is accepted when the backlog is small.
 */
final class Outbound {

    enum Result { WRITTEN, CLOSED, DROPPED_SLOW }

    private final WebSocketWriter writer;
    private final WebSocket stream;
    private final long maxPendingBytes;
    private final Runnable onDropped;
    private final AtomicLong pendingBytes = new AtomicLong();

    /** @param onDropped called once when the socket is dropped for being too slow (counts it) */
    Outbound(WebSocketWriter writer, long maxPendingBytes, Runnable onDropped) {
        this.writer = requireNonNull(writer, "writer");
        this.maxPendingBytes = maxPendingBytes;
        this.onDropped = requireNonNull(onDropped, "onDropped");
        this.stream = WebSocket.of(writer.peek(this::taken));
    }

    /** What to hand Armeria as the outbound side of the socket. */
    WebSocket stream() {
        return stream;
    }

    Result writeText(String json) {
        return write(WebSocketFrame.ofText(json));
    }

    /** Writes a text frame, possibly shared with other sockets (it is never modified or released). */
    synchronized Result write(WebSocketFrame frame) {
        if (!writer.isOpen()) {
            return Result.CLOSED;
        }
        if (pendingBytes.get() > maxPendingBytes) {
            writer.abort(new WebSocketProtocolViolationException(CloseCodes.status(CloseCodes.TOO_SLOW),
                    "too slow: reconnect and sync"));
            onDropped.run();
            return Result.DROPPED_SLOW;
        }
        int length = frame.length();
        pendingBytes.addAndGet(length);
        if (!writer.tryWrite(frame)) {
            pendingBytes.addAndGet(-length);
            return Result.CLOSED;
        }
        return Result.WRITTEN;
    }

    /** Answers a WebSocket ping (a control frame; not counted in the backlog). */
    synchronized void pong(byte[] payload) {
        if (writer.isOpen()) {
            writer.tryWrite(WebSocketFrame.ofPong(payload));
        }
    }

    /** Asks the client's WebSocket stack for a pong, to find dead peers. */
    synchronized void ping() {
        if (writer.isOpen()) {
            writer.tryWrite(WebSocketFrame.ofPing());
        }
    }

    /** Sends a close frame after what is already queued; does nothing if already closed. */
    synchronized void close(int code, String reason) {
        if (writer.isOpen()) {
            writer.close(CloseCodes.status(code), CloseCodes.reason(reason));
        }
    }

    boolean isOpen() {
        return writer.isOpen();
    }

    long pendingBytes() {
        return pendingBytes.get();
    }

    /** Completes when the outbound side has ended, however it ended. */
    java.util.concurrent.CompletableFuture<Void> whenClosed() {
        return writer.whenComplete();
    }

    /** Runs {@code action} while no other frame can be written to this socket. */
    synchronized void exclusively(Runnable action) {
        action.run();
    }

    private void taken(WebSocketFrame frame) {
        if (frame.type() == WebSocketFrameType.TEXT) {
            pendingBytes.addAndGet(-frame.length());
        }
    }
}
