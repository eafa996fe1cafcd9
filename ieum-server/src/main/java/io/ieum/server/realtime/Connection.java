package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ieum.core.id.UserId;
import io.ieum.core.service.AuthContext;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One client socket, the last handler of its pipeline: handles a send whose checks need no storage
 * read on the event loop, and hands every other text frame, one at a time and in order, to the
 * blocking executor (a device's sends stay in order; reading pauses while too many wait, which
 * pushes back on a flooding client); keeps the authentication state and the timer
 * that enforces the auth deadline, re-checks the session and finds dead peers. Kept small: an idle
 * socket costs this object, its {@link Outbound} and Netty's channel with the frame codec.
 */
final class Connection extends ChannelInboundHandlerAdapter implements Device {

    private static final Logger logger = LoggerFactory.getLogger(Connection.class);
    /** Frames received but not handled yet, past which reading pauses. */
    private static final int MAX_WAITING = 16;

    private final Channel channel;
    private final Outbound out;
    private final Locale locale;
    private final FrameDispatcher dispatcher;
    private final RealtimeSettings settings;
    private final Executor blocking;
    private final LoopWriter writer;
    private final SendWindow sends = new SendWindow(RealtimeSettings.MAX_SENDS_IN_FLIGHT);
    private volatile AuthContext auth;
    private volatile String token;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile ScheduledFuture<?> timer;
    /** Guarded by {@code this}: whether a frame is being handled, and those waiting their turn (made on first need). */
    private boolean handling;
    private ArrayDeque<ByteBuf> waiting;

    Connection(Channel channel, Outbound out, Locale locale, FrameDispatcher dispatcher, RealtimeSettings settings,
               Executor blocking, LoopWriter writer) {
        this.channel = requireNonNull(channel, "channel");
        this.out = requireNonNull(out, "out");
        this.locale = requireNonNull(locale, "locale");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher");
        this.settings = requireNonNull(settings, "settings");
        this.blocking = requireNonNull(blocking, "blocking");
        this.writer = requireNonNull(writer, "writer");
    }

    // ---- the inbound side ----

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastHeardNanos = System.nanoTime();
        if (msg instanceof TextWebSocketFrame text) {
            handleLater(text.content()); // takes over the frame's only reference
            return;
        }
        try {
            if (msg instanceof PingWebSocketFrame ping) {
                out.pong(ping.content().retain());
            } else if (msg instanceof CloseWebSocketFrame) {
                out.answerClose();
            } else if (msg instanceof WebSocketFrame frame && !(msg instanceof PongWebSocketFrame)) {
                dispatcher.violation(this, ProtocolViolation.of("frame: " + kind(frame)
                        + " (expected: text frames with one JSON object each)"));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handleLater(ByteBuf payload) {
        if (!out.isOpen()) {
            payload.release(); // closing: drain what the client still sends
            return;
        }
        synchronized (this) {
            if (handling) {
                if (waiting == null) {
                    waiting = new ArrayDeque<>(MAX_WAITING);
                }
                waiting.add(payload);
                if (waiting.size() >= MAX_WAITING) {
                    channel.config().setAutoRead(false);
                }
                return;
            }
            handling = true;
        }
        ParseResult parsed = null;
        if (isAuthenticated()) {
            parsed = dispatcher.handleOnLoop(this, payload);
            if (parsed == null) { // a send handled here; nothing else can have arrived meanwhile
                payload.release();
                synchronized (this) {
                    handling = false;
                }
                return;
            }
        }
        ParseResult first = parsed;
        try {
            blocking.execute(() -> handleInTurn(payload, first));
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                handling = false;
            }
            payload.release();
            close(CloseCodes.GOING_AWAY, "server shutting down");
        }
    }

    /**
     * Handles {@code first} (already parsed into {@code firstParsed}, if not null), then whatever
     * arrived meanwhile, on one blocking thread.
     */
    private void handleInTurn(ByteBuf first, ParseResult firstParsed) {
        ByteBuf next = first;
        ParseResult parsed = firstParsed;
        while (next != null) {
            try {
                if (parsed != null) {
                    dispatcher.handle(this, parsed);
                    parsed = null;
                } else {
                    dispatcher.handle(this, next);
                }
            } catch (RuntimeException unexpected) {
                logger.warn("Unexpected failure handling a frame of {}", auth == null ? "an unauthenticated socket" : auth.userId(), unexpected);
            } finally {
                next.release();
            }
            synchronized (this) {
                next = waiting == null ? null : waiting.poll();
                if (next == null) {
                    handling = false;
                }
                if (!channel.config().isAutoRead() && (waiting == null || waiting.size() <= MAX_WAITING / 2)) {
                    channel.config().setAutoRead(true);
                }
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // A fragmented message over the limit (Netty's decoder answers single frames itself).
            out.close(CloseCodes.TOO_BIG, "frame: over " + RealtimeSettings.MAX_FRAME_BYTES + " bytes (expected: at most "
                    + RealtimeSettings.MAX_FRAME_BYTES + ")");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            out.markClosed(); // the decoder sent the close frame (e.g. 1009) and hangs up
        } else if (cause instanceof IOException) {
            channel.close(); // reset by the peer
        } else {
            logger.warn("Unexpected failure on the socket of {}", auth == null ? "an unauthenticated client" : auth.userId(), cause);
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        out.markClosed();
        stopTimer();
        ctx.fireChannelInactive();
    }

    // ---- sends waiting for storage ----

    SendWindow sends() {
        return sends;
    }

    // ---- authentication state ----

    boolean isAuthenticated() {
        return auth != null;
    }

    AuthContext auth() {
        return auth;
    }

    String token() {
        return token;
    }

    Locale locale() {
        return locale;
    }

    /**
     * Marks the socket authenticated at once (the next frame is handled as such), then, on the
     * event loop, registers it for pushes and writes {@code readyFrame}: a push can only be
     * written after it, so {@code ready} is always the first frame the client sees and no push
     * after it is missed.
     */
    void becomeReady(AuthContext authenticated, String bearerToken, ByteBuf readyFrame, Delivery delivery) {
        auth = authenticated;
        token = bearerToken;
        channel.eventLoop().execute(() -> {
            if (!out.isOpen()) {
                readyFrame.release(); // closed while authenticating
                return;
            }
            delivery.register(this);
            out.write(readyFrame);
            stopTimer();
            scheduleCheck(firstCheckDelayNanos(settings.sessionCheckInterval(), ThreadLocalRandom.current()));
        });
    }

    /** The event loop of this socket. */
    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    // ---- the outbound side ----

    @Override
    public UserId userId() {
        return auth.userId();
    }

    @Override
    public boolean push(ByteBuf frame) {
        if (!out.isOpen()) {
            return false;
        }
        writer.write(out, frame.retainedDuplicate());
        return true;
    }

    @Override
    public void later(Runnable task, long delayNanos) {
        channel.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Queues a complete text frame behind the pushes already queued, taking over the caller's reference. */
    void send(ByteBuf frame) {
        writer.write(out, frame);
    }

    void close(int code, String reason) {
        out.close(code, reason);
    }

    boolean isOpen() {
        return out.isOpen();
    }

    // ---- the timer ----

    /** Enforces the auth deadline; once authenticated, {@link #scheduleCheck} takes over. */
    void startAuthDeadline() {
        timer = channel.eventLoop().schedule(() -> {
            if (!isAuthenticated()) {
                close(CloseCodes.UNAUTHENTICATED, "auth: none within " + settings.authTimeout().toSeconds() + " s");
            }
        }, settings.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * When a socket's first check is due: at a uniformly random point of its first interval. Sockets
     * that connect together (a restart, a failover that moves thousands within seconds, a load test)
     * would otherwise ping and re-check their sessions together, every interval, for as long as they
     * stay: in the benchmark that burst was the slowest second of most runs (ADR 0027).
     */
    static long firstCheckDelayNanos(Duration interval, RandomGenerator random) {
        return 1 + random.nextLong(interval.toNanos());
    }

    /** Checks after {@code delayNanos}, then every interval: close if idle, ping the client, re-check the session. */
    private void scheduleCheck(long delayNanos) {
        if (!isOpen()) {
            return;
        }
        timer = channel.eventLoop().schedule(() -> {
            if (!isOpen()) {
                return;
            }
            if (System.nanoTime() - lastHeardNanos > settings.idleTimeout().toNanos()) {
                close(CloseCodes.TOO_SLOW, "idle: nothing received in " + settings.idleTimeout().toSeconds() + " s");
                return;
            }
            out.ping();
            try {
                blocking.execute(() -> dispatcher.recheckSession(this));
            } catch (RejectedExecutionException stopping) {
                return;
            }
            scheduleCheck(settings.sessionCheckInterval().toNanos());
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    void stopTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }

    private static String kind(WebSocketFrame frame) {
        String name = frame.getClass().getSimpleName(); // e.g. BinaryWebSocketFrame
        return name.substring(0, name.length() - "WebSocketFrame".length()).toLowerCase(Locale.ROOT);
    }
}
