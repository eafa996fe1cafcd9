package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.model.AppendResult;
import io.ieum.core.service.AuthContext;
import io.ieum.core.service.SendResult;
import io.ieum.core.service.Services;
import io.ieum.core.service.SyncPage;
import io.ieum.core.store.WriteCallbacks;
import io.ieum.server.error.ErrorBody;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Views.EntryView;
import io.ieum.server.json.Views.UserView;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;

/**
 * Runs the client frames of one socket against the domain services (on a blocking thread, one
 * frame at a time) and answers them. Domain failures become {@code error} frames and the socket
 * stays open; protocol violations close it. No stack trace ever reaches the client.
 */
final class FrameDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(FrameDispatcher.class);

    private final Services services;
    private final Delivery delivery;
    private final ClientFrameParser parser;
    private final ServerFrames frames;
    private final ErrorMessages messages;
    private final String node;
    private final Clock clock;
    private final Counter violations;
    private final Counter stored;
    private final Counter duplicates;

    FrameDispatcher(Services services, Delivery delivery, ClientFrameParser parser, ServerFrames frames,
                    ErrorMessages messages, String node, Clock clock, Counter violations, Counter stored,
                    Counter duplicates) {
        this.services = requireNonNull(services, "services");
        this.delivery = requireNonNull(delivery, "delivery");
        this.parser = requireNonNull(parser, "parser");
        this.frames = requireNonNull(frames, "frames");
        this.messages = requireNonNull(messages, "messages");
        this.node = requireNonNull(node, "node");
        this.clock = requireNonNull(clock, "clock");
        this.violations = requireNonNull(violations, "violations");
        this.stored = requireNonNull(stored, "stored");
        this.duplicates = requireNonNull(duplicates, "duplicates");
    }

    /** Handles one text frame's UTF-8 payload (still owned by the caller). */
    void handle(Connection connection, ByteBuf payload) {
        if (connection.isOpen()) {
            handle(connection, parser.parse(payload));
        }
    }

    /**
     * On the event loop, for an authenticated socket with no frame in hand: parses the frame and,
     * if it is a send whose checks need no storage read, handles it here (saving the hand-off to a
     * blocking thread). Returns null when handled; otherwise what was parsed, for {@link #handle(Connection,
     * ParseResult)} on a blocking thread.
     */
    ParseResult handleOnLoop(Connection connection, ByteBuf payload) {
        ParseResult parsed = parser.parse(payload);
        if (!(parsed instanceof ClientFrame.Send send) || !connection.isOpen()) {
            return parsed;
        }
        try {
            return send(connection, connection.auth(), send, true) ? null : parsed;
        } catch (RuntimeException failure) {
            sendError(connection, send.errorRef(), failure);
            return null;
        }
    }

    /** Handles a parsed frame (on a blocking thread). */
    void handle(Connection connection, ParseResult parsed) {
        if (!connection.isOpen()) {
            return;
        }
        if (parsed instanceof ProtocolViolation violation) {
            violation(connection, violation);
            return;
        }
        if (!connection.isAuthenticated()) {
            if (parsed instanceof ClientFrame.Auth auth) {
                authenticate(connection, auth);
            } else {
                violation(connection, ProtocolViolation.of("frame before auth (expected: {\"type\":\"auth\",\"token\":…} first)"));
            }
            return;
        }
        if (parsed instanceof RejectedFrame rejected) {
            sendError(connection, rejected.ref(), rejected.error());
            return;
        }
        ClientFrame frame = (ClientFrame) parsed;
        try {
            run(connection, connection.auth(), frame);
        } catch (RuntimeException failure) {
            sendError(connection, frame instanceof ClientFrame.Send send ? send.errorRef() : frame.ref(), failure);
        }
    }

    void violation(Connection connection, ProtocolViolation violation) {
        violations.increment();
        connection.close(violation.closeCode(), violation.reason());
    }

    private void run(Connection connection, AuthContext caller, ClientFrame frame) {
        if (frame instanceof ClientFrame.Send send) {
            send(connection, caller, send, false);
        } else if (frame instanceof ClientFrame.Read read) {
            answerWhenDone(connection, read.ref(), services.messages().markRead(caller, read.roomId(), read.upTo())
                    .thenApply(ignored -> (ServerFrames.Frame) null));
        } else if (frame instanceof ClientFrame.Delete delete) {
            answerWhenDone(connection, delete.ref(), services.messages().delete(caller, delete.roomId(), delete.id())
                    .thenApply(ignored -> (ServerFrames.Frame) null));
        } else if (frame instanceof ClientFrame.Sync sync) {
            SyncPage page = services.messages().sync(caller, sync.cursor(), sync.continuation(), sync.limit());
            connection.send(frames.toWire(new ServerFrames.Synced(sync.ref(),
                    page.entries().stream().map(EntryView::of).toList(),
                    page.cursor() == null ? null : page.cursor().toString(), page.hasMore())));
        } else if (frame instanceof ClientFrame.Ping ping) {
            connection.send(frames.toWire(new ServerFrames.Pong(ping.ref())));
        } else if (frame instanceof ClientFrame.Auth) {
            violation(connection, ProtocolViolation.of("auth: sent twice (expected: one auth per socket)"));
        }
    }

    /**
     * Runs a send and acks it once durable. With {@code fromMemoryOnly} it goes ahead only if no
     * check needs a storage read, and returns false (having done nothing) otherwise.
     */
    private boolean send(Connection connection, AuthContext caller, ClientFrame.Send send, boolean fromMemoryOnly) {
        if (!connection.sends().tryAcquire()) {
            throw new IeumException(ErrorCode.BUSY, "sends waiting for storage on this socket: "
                    + connection.sends().max() + " (expected: fewer; retry with the same ID after an ack)");
        }
        CompletableFuture<SendResult> result;
        try {
            // On the loop, the loop is the write's home: its commit comes back here, where the push and
            // the ack are written, with no thread between (nothing here waits for the write).
            result = fromMemoryOnly
                    ? WriteCallbacks.runOn(connection.eventLoop(), () -> services.messages().sendFromMemory(
                            caller, send.roomId(), send.id(), send.text(), send.replyTo(), send.attachments()))
                    : services.messages().sendChecked(caller, send.roomId(), send.id(), send.text(), send.replyTo(), send.attachments());
        } catch (RuntimeException rejected) {
            connection.sends().release();
            throw rejected;
        }
        if (result == null) {
            connection.sends().release();
            return false;
        }
        CompletableFuture<ServerFrames.Frame> ack = result.thenApply(sent -> {
            boolean first = sent.result() == AppendResult.STORED;
            (first ? stored : duplicates).increment();
            return new ServerFrames.Ack(send.ref(), sent.entry().id().toString(), sent.entry().roomId().toString(),
                    first ? "stored" : "duplicate");
        });
        answerWhenDone(connection, send.errorRef(), ack.whenComplete((done, failure) -> connection.sends().release()));
        return true;
    }

    /** Sends {@code reply} (if any) once the write is durable, or an {@code error} frame if it failed. */
    private void answerWhenDone(Connection connection, String ref, CompletableFuture<? extends ServerFrames.Frame> reply) {
        reply.whenComplete((frame, failure) -> {
            if (failure != null) {
                sendError(connection, ref, unwrap(failure));
            } else if (frame != null) {
                connection.send(frames.toWire(frame));
            }
        });
    }

    private void authenticate(Connection connection, ClientFrame.Auth frame) {
        try {
            AuthContext auth = services.accounts().authenticate(frame.token());
            UserView user = UserView.of(services.accounts().account(auth.userId()));
            ByteBuf ready = frames.toWire(new ServerFrames.Ready(frame.ref(), user, clock.instant(), node));
            connection.becomeReady(auth, frame.token(), ready, delivery);
        } catch (IeumException failure) {
            if (failure.code() == ErrorCode.UNAUTHENTICATED || failure.code() == ErrorCode.NOT_FOUND) {
                connection.close(CloseCodes.UNAUTHENTICATED, failure.detail());
            } else {
                sendError(connection, frame.ref(), failure); // e.g. busy: the client may send auth again
            }
        } catch (RuntimeException unexpected) {
            sendError(connection, frame.ref(), unexpected);
        }
    }

    /** Closes the socket if its session was revoked or expired since it authenticated. */
    void recheckSession(Connection connection) {
        if (!connection.isOpen() || !connection.isAuthenticated()) {
            return;
        }
        try {
            AuthContext current = services.accounts().authenticate(connection.token());
            if (!current.equals(connection.auth())) {
                connection.close(CloseCodes.UNAUTHENTICATED, "session: revoked (expected: log in again)");
            }
        } catch (IeumException failure) {
            if (failure.code() == ErrorCode.UNAUTHENTICATED) {
                connection.close(CloseCodes.UNAUTHENTICATED, "session: revoked or expired (expected: log in again)");
            }
        } catch (RuntimeException unexpected) {
            logger.warn("Session re-check failed for {}; will try again", connection.auth().userId(), unexpected);
        }
    }

    private void sendError(Connection connection, String ref, Throwable failure) {
        IeumException error;
        if (failure instanceof IeumException domain) {
            error = domain; // includes StorageBusyException, reported as busy
        } else {
            logger.warn("Unexpected failure answering a frame of {}", connection.auth() == null ? "?" : connection.auth().userId(), failure);
            error = new IeumException(ErrorCode.BUSY, "request: failed unexpectedly (expected: retry later with the same IDs)");
        }
        ErrorBody body = messages.body(error.code(), error.detail(), connection.locale());
        connection.send(frames.toWire(new ServerFrames.Error(ref, body.error(), body.message())));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
