package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 */
public final class SyncNudges {

    private final Delivery delivery;
    private final long windowNanos;
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

    public SyncNudges(Delivery delivery, Json json, MeterRegistry meters, Duration window) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.windowNanos = requireNonNull(window, "window").toNanos();
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
        synchronized (this) {
            waiting += targets.size();
        }
        if (!targets.isEmpty()) {
            rounds.increment();
        }
        for (Device device : targets) {
            long delay = windowNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(windowNanos + 1);
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
