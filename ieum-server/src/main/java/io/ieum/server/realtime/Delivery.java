package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

import io.ieum.core.id.UserId;
import io.ieum.core.service.EventSink;
import io.ieum.core.service.LiveEvent;
import io.ieum.server.json.Json;
import io.ieum.server.json.Views.EntryView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;

/**
 * Pushes live events to the sockets held by this node. Each event is encoded once, into one
 * complete WebSocket frame, and the same bytes are queued on every connected device of every
 * recipient (no per-recipient JSON, copy or frame encoding); nothing here waits for a socket:
 * frames are queued on each socket's event loop ({@link LoopWriter}), and a socket that does not
 * keep up is closed (see {@link Outbound}) rather than slowing the others. Delivery is at least once per connected device: devices that miss a push catch up with
 * {@code sync}.
 */
public final class Delivery implements EventSink {

    private static final Device[] NONE = new Device[0];

    private final ServerFrames frames;
    /** Copy-on-write arrays: pushes read them without locks; (un)registering is rare. */
    private final ConcurrentHashMap<UserId, Device[]> devices = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter withoutListener;
    private final Counter framesWritten;

    public Delivery(Json json, MeterRegistry meters) {
        this.frames = new ServerFrames(requireNonNull(json, "json"));
        requireNonNull(meters, "meters");
        this.published = meters.counter(RealtimeMetrics.EVENTS_PUBLISHED);
        this.withoutListener = meters.counter(RealtimeMetrics.EVENTS_WITHOUT_LISTENER);
        this.framesWritten = meters.counter(RealtimeMetrics.FRAMES_WRITTEN);
    }

    @Override
    public void publish(Collection<UserId> recipients, LiveEvent event) {
        requireNonNull(recipients, "recipients");
        requireNonNull(event, "event");
        if (event instanceof LiveEvent.MembersChanged) {
            return; // nothing to push: devices learn of membership changes from the timeline entry
        }
        published.increment();
        ByteBuf frame = null;
        int written = 0;
        try {
            for (UserId recipient : recipients) {
                Device[] connected = devices.getOrDefault(recipient, NONE);
                for (Device device : connected) {
                    if (frame == null) {
                        frame = frames.toWire(toFrame(event));
                    }
                    if (device.push(frame)) {
                        written++; // a closed socket is unregistered by its close handler
                    }
                }
            }
        } finally {
            if (frame != null) {
                frame.release(); // each socket holds its own reference until its write is done
            }
        }
        if (frame == null) {
            withoutListener.increment();
        }
        framesWritten.increment(written);
    }

    void register(Device device) {
        devices.compute(device.userId(), (user, current) -> {
            if (current == null) {
                return new Device[] {device};
            }
            Device[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = device;
            return grown;
        });
    }

    void unregister(Device device) {
        devices.computeIfPresent(device.userId(), (user, current) -> {
            Device[] kept = Arrays.stream(current).filter(d -> d != device).toArray(Device[]::new);
            return kept.length == 0 ? null : kept;
        });
    }

    /** Every device connected here, each once. */
    void forEachDevice(java.util.function.Consumer<Device> action) {
        for (Device[] ofUser : devices.values()) {
            for (Device device : ofUser) {
                action.accept(device);
            }
        }
    }

    /** How many devices of {@code user} are connected here. */
    int deviceCount(UserId user) {
        return devices.getOrDefault(user, NONE).length;
    }

    static ServerFrames.Frame toFrame(LiveEvent event) {
        if (event instanceof LiveEvent.EntryAdded added) {
            return new ServerFrames.EntryPush(EntryView.of(added.entry()));
        }
        LiveEvent.ReadMoved read = (LiveEvent.ReadMoved) event;
        return new ServerFrames.ReadPush(read.roomId().toString(), read.userId().toString(), read.upTo().toString());
    }
}
