package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.ieum.core.id.UserId;
import io.ieum.core.service.AuthContext;

/**
 * One client socket: reads its frames one at a time (the next is requested only when the previous
 * one was handled, which keeps a device's sends in order and pushes back on a flooding client),
 * runs them off the event loop, and keeps the authentication state and the timer that enforces
 * the auth deadline, re-checks the session and finds dead peers. Kept small: an idle socket costs
 * this object, its {@link Outbound} and Armeria's own state.
 */
final class Connection implements Device, Subscriber<WebSocketFrame> {

    private static final Logger logger = LoggerFactory.getLogger(Connection.class);

    private final ServiceRequestContext ctx;
    private final Outbound out;
    private final Locale locale;
    private final FrameDispatcher dispatcher;
    private final RealtimeSettings settings;
    private volatile AuthContext auth;
    private volatile String token;
    private volatile long lastHeardNanos = System.nanoTime();
    private Subscription inbound;
    private volatile ScheduledFuture<?> timer;
    private final SendWindow sends = new SendWindow(RealtimeSettings.MAX_SENDS_IN_FLIGHT);

    Connection(ServiceRequestContext ctx, Outbound out, Locale locale, FrameDispatcher dispatcher,
               RealtimeSettings settings) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.out = requireNonNull(out, "out");
        this.locale = requireNonNull(locale, "locale");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher");
        this.settings = requireNonNull(settings, "settings");
    }

    // ---- the inbound side ----

    @Override
    public void onSubscribe(Subscription subscription) {
        inbound = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(WebSocketFrame frame) {
        lastHeardNanos = System.nanoTime();
        switch (frame.type()) {
            case TEXT -> {
                if (frame.length() > RealtimeSettings.MAX_FRAME_BYTES) {
                    // Armeria checks single frames, but not the last fragment of an aggregated message.
                    out.close(CloseCodes.TOO_BIG, "frame: " + frame.length() + " bytes (expected: at most "
                            + RealtimeSettings.MAX_FRAME_BYTES + ")");
                    break;
                }
                handleLater(frame.text());
                return;
            }
            case PING -> out.pong(frame.array());
            case PONG -> { }
            case CLOSE -> out.close(CloseCodes.NORMAL, "bye");
            default -> dispatcher.violation(this, ProtocolViolation.of("frame: " + frame.type().name().toLowerCase(Locale.ROOT)
                    + " (expected: text frames with one JSON object each)"));
        }
        inbound.request(1);
    }

    private void handleLater(String text) {
        if (!out.isOpen()) {
            inbound.request(1); // closing: drain what the client still sends
            return;
        }
        try {
            ctx.blockingTaskExecutor().execute(() -> {
                try {
                    dispatcher.handle(this, text);
                } catch (RuntimeException unexpected) {
                    logger.warn("Unexpected failure handling a frame of {}", auth == null ? "an unauthenticated socket" : auth.userId(), unexpected);
                } finally {
                    inbound.request(1);
                }
            });
        } catch (RejectedExecutionException stopping) {
            out.close(CloseCodes.GOING_AWAY, "server shutting down");
            inbound.request(1);
        }
    }

    @Override
    public void onError(Throwable cause) {
        out.close(CloseCodes.NORMAL, "bye"); // a no-op if Armeria already closed the socket (e.g. 1009)
    }

    @Override
    public void onComplete() {
        out.close(CloseCodes.NORMAL, "bye");
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
     * Registers for pushes and writes {@code readyFrame} with no push in between, so that
     * {@code ready} is always the first frame the client sees and no push after it is missed.
     */
    void becomeReady(AuthContext authenticated, String bearerToken, String readyFrame, Delivery delivery) {
        out.exclusively(() -> {
            auth = authenticated;
            token = bearerToken;
            delivery.register(this);
            out.writeText(readyFrame);
        });
        if (!out.isOpen()) {
            delivery.unregister(this); // closed while authenticating: its close handler may have run already
            return;
        }
        stopTimer();
        scheduleCheck();
    }

    // ---- the outbound side ----

    @Override
    public UserId userId() {
        return auth.userId();
    }

    @Override
    public Outbound.Result push(WebSocketFrame frame) {
        return out.write(frame);
    }

    void send(String json) {
        out.writeText(json);
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
        timer = ctx.eventLoop().schedule(() -> {
            if (!isAuthenticated()) {
                close(CloseCodes.UNAUTHENTICATED, "auth: none within " + settings.authTimeout().toSeconds() + " s");
            }
        }, settings.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Every interval: close if idle, ping the client, re-check the session. */
    private void scheduleCheck() {
        if (!isOpen()) {
            return;
        }
        timer = ctx.eventLoop().schedule(() -> {
            if (!isOpen()) {
                return;
            }
            if (System.nanoTime() - lastHeardNanos > settings.idleTimeout().toNanos()) {
                close(CloseCodes.TOO_SLOW, "idle: nothing received in " + settings.idleTimeout().toSeconds() + " s");
                return;
            }
            out.ping();
            try {
                ctx.blockingTaskExecutor().execute(() -> dispatcher.recheckSession(this));
            } catch (RejectedExecutionException stopping) {
                return;
            }
            scheduleCheck();
        }, settings.sessionCheckInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    void stopTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }

    java.util.concurrent.CompletableFuture<Void> whenClosed() {
        return out.whenClosed();
    }
}
