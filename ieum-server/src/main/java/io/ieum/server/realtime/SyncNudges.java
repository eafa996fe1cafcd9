package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.ieum.server.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;

/**
 * Tells every device connected here to sync ({@code {"type":"sync"}}) when this node may have missed
 * events (ADR 0006). Each device gets its frame at a random moment within the window, so thousands
 * of devices do not ask storage at the same instant; a device whose frame is still waiting is not
 * given a second one — its sync will come after the new signal anyway — so a burst of signals
 * within the window costs one sync per device.
 */
public final class SyncNudges {

    private final Delivery delivery;
    private final long windowNanos;
    /** The same bytes for every device and every round; never released (see {@link Device#push}). */
    private final ByteBuf frame;
    private final Set<Device> waiting = ConcurrentHashMap.newKeySet();
    private final Counter sent;
    private final Counter coalesced;

    public SyncNudges(Delivery delivery, Json json, MeterRegistry meters, Duration window) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.windowNanos = requireNonNull(window, "window").toNanos();
        this.frame = new ServerFrames(requireNonNull(json, "json")).toWire(new ServerFrames.SyncNudge());
        requireNonNull(meters, "meters");
        this.sent = Counter.builder(RealtimeMetrics.SYNC_NUDGES)
                .description("sync frames sent to devices after this node may have missed events").register(meters);
        this.coalesced = Counter.builder(RealtimeMetrics.SYNC_NUDGES_COALESCED)
                .description("signals that found a device's sync frame already waiting").register(meters);
    }

    /** Schedules one sync frame for every connected device that has none waiting. Never blocks. */
    public void nudgeAll() {
        delivery.forEachDevice(this::nudge);
    }

    void nudge(Device device) {
        if (!waiting.add(device)) {
            coalesced.increment();
            return;
        }
        long delay = windowNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(windowNanos + 1);
        try {
            device.later(() -> send(device), delay);
        } catch (RuntimeException e) {
            waiting.remove(device); // its event loop is shutting down, and so is the socket
        }
    }

    private void send(Device device) {
        // Leave the waiting set first: a signal from now on needs a frame after this one.
        waiting.remove(device);
        if (device.push(frame)) {
            sent.increment();
        }
    }
}
