package io.ieum.client.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sends not yet acknowledged, in the order they were made; re-sent as they are after every reconnect. */
public final class Outbox {

    private final Map<String, PendingSend> pending = new LinkedHashMap<>();

    public synchronized void add(PendingSend send) {
        if (pending.putIfAbsent(send.id(), send) != null) {
            throw new IllegalArgumentException("id: " + send.id() + " (expected: an ID not already waiting for its ack)");
        }
    }

    /** Takes the send an {@code ack} (or a final error) answers; empty for an unknown or repeated answer. */
    public synchronized Optional<PendingSend> remove(String id) {
        return Optional.ofNullable(pending.remove(id));
    }

    public synchronized Optional<PendingSend> get(String id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** What to send again, oldest first. */
    public synchronized List<PendingSend> snapshot() {
        return new ArrayList<>(pending.values());
    }

    public synchronized List<PendingSend> drain() {
        List<PendingSend> all = new ArrayList<>(pending.values());
        pending.clear();
        return all;
    }

    public synchronized int size() {
        return pending.size();
    }
}
