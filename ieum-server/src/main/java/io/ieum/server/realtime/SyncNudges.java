package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.ieum.server.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;

/**
 * Tells every device connected here to sync ({@code {"type":"sync"}}) when this node may have missed
 * events (ADR 0006), in rounds: a round gives each device its frame at a random moment within the
 * window, so thousands of devices do not ask storage at the same instant. Signals that come while a
 * round runs cost nothing but a counter — the bus may signal on every event when a peer is
 * overloaded — and when the round ends, only the devices whose frame went out before the last of
 * them get another round. A burst of signals within the window thus costs about one sync per device.
 *
 * <p>Rounds start at most every {@link #SPACING_IN_WINDOWS} windows: a node starved of CPU misses
 * its peers' heartbeats again and again, and a round per window would have every device re-read
 * its rooms every second just when the machine has least to spare (a three-site bench at 200
 * sends/s on 2 cores, 2026-11-26: 49,102 entries delivered twice, p50 16 s). A held round's frames
 * come after the spacing, so a missed push still arrives within spacing + window.
 */
public final class SyncNudges {

    /** A new round starts no sooner than this many windows after the previous one started. */
    public static final int SPACING_IN_WINDOWS = 5;

    private final Delivery delivery;
    private final long windowNanos;
    private final long spacingNanos;
    private final LongSupplier nanoTime;
    /** The same bytes for every device and every round; never released (see {@link Device#push}). */
    private final ByteBuf frame;
    /** Per device: the number of signals its last frame answers (it was sent after all of them). */
    private final ConcurrentHashMap<Device, Long> answered = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter coalesced;
    private final Counter rounds;

    // Guarded by this.
    private long signals;
    private long signalsAtRoundStart;
    /** Frames of the running round not sent yet, plus one while the round is being set up; 0 = no round. */
    private int waiting;
    /** When the last round's frames could first go out ({@link #nanoTime}); guarded by this. */
    private long lastRoundStart;

    public SyncNudges(Delivery delivery, Json json, MeterRegistry meters, Duration window) {
        this(delivery, json, meters, window, System::nanoTime);
    }

    SyncNudges(Delivery delivery, Json json, MeterRegistry meters, Duration window, LongSupplier nanoTime) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.windowNanos = requireNonNull(window, "window").toNanos();
        this.spacingNanos = windowNanos * SPACING_IN_WINDOWS;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.lastRoundStart = nanoTime.getAsLong() - spacingNanos;
        this.frame = new ServerFrames(requireNonNull(json, "json")).toWire(new ServerFrames.SyncNudge());
        requireNonNull(meters, "meters");
        this.sent = Counter.builder(RealtimeMetrics.SYNC_NUDGES)
                .description("sync frames sent to devices after this node may have missed events").register(meters);
        this.coalesced = Counter.builder(RealtimeMetrics.SYNC_NUDGES_COALESCED)
                .description("signals that came while a round of sync frames was running").register(meters);
        this.rounds = Counter.builder(RealtimeMetrics.SYNC_NUDGE_ROUNDS)
                .description("rounds of sync frames started").register(meters);
        Gauge.builder(RealtimeMetrics.SYNC_NUDGES_WAITING, this, SyncNudges::waiting)
                .description("sync frames scheduled and not sent yet").register(meters);
    }

    /** A possible gap: every connected device will be sent one sync frame after this call. Never blocks. */
    public void nudgeAll() {
        synchronized (this) {
            signals++;
            if (waiting > 0) {
                coalesced.increment(); // decided when the round ends
                return;
            }
            waiting = 1;
            signalsAtRoundStart = signals;
            answered.clear(); // this round reaches every device
        }
        startRound(device -> true);
    }

    synchronized int waiting() {
        return waiting;
    }

    private void startRound(Predicate<Device> needs) {
        List<Device> targets = new ArrayList<>();
        java.util.Set<Device> connected = new java.util.HashSet<>();
        delivery.forEachDevice(device -> {
            connected.add(device);
            if (needs.test(device)) {
                targets.add(device);
            }
        });
        answered.keySet().retainAll(connected); // forget closed sockets
        long hold;
        synchronized (this) {
            waiting += targets.size();
            long now = nanoTime.getAsLong();
            hold = Math.max(0, lastRoundStart + spacingNanos - now);
            lastRoundStart = now + hold;
        }
        if (!targets.isEmpty()) {
            rounds.increment();
        }
        for (Device device : targets) {
            long delay = hold + (windowNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(windowNanos + 1));
            try {
                device.later(() -> send(device), delay);
            } catch (RuntimeException e) {
                done(); // its event loop is shutting down, and so is the socket
            }
        }
        done(); // the set-up
    }

    private void send(Device device) {
        long upTo;
        synchronized (this) {
            upTo = signals; // read before the push: a signal after this read needs a later frame
        }
        answered.put(device, upTo);
        if (device.push(frame)) {
            sent.increment();
        }
        done();
    }

    /** One frame of the round sent (or given up); the last one decides whether another round is needed. */
    private void done() {
        long upTo;
        synchronized (this) {
            if (--waiting > 0) {
                return;
            }
            if (signals == signalsAtRoundStart) {
                return; // no signal since the round started: every frame answered all of them
            }
            upTo = signals;
            signalsAtRoundStart = signals;
            waiting = 1;
        }
        // Devices that got their frame before the latest signal, and devices connected since the
        // round started (they have no frame yet; one more is harmless).
        startRound(device -> answered.getOrDefault(device, -1L) < upTo);
    }
}
