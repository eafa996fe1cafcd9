package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Everything that happened during a drill, on one clock: sends, marked events, errors by kind. */
final class DrillLog {

    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<SendRecord> sends = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DrillEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> errors = new TreeMap<>();

    /** Milliseconds since the drill started. */
    long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void add(SendRecord send) {
        sends.add(requireNonNull(send, "send"));
    }

    DrillEvent mark(String key, String label) {
        DrillEvent event = new DrillEvent(now(), key, label);
        events.add(event);
        return event;
    }

    synchronized void error(String kind) {
        errors.merge(kind, 1, Integer::sum);
    }

    List<SendRecord> sends() {
        return new ArrayList<>(sends);
    }

    List<DrillEvent> events() {
        return new ArrayList<>(events);
    }

    synchronized Map<String, Integer> errors() {
        return new TreeMap<>(errors);
    }
}
