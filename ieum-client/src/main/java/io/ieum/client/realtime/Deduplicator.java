package io.ieum.client.realtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent {@code capacity} entry IDs so a repeated delivery (a push that raced a
 * sync, a sync overlap, a second site) is shown once. Bounded so that a long-lived client does not
 * grow without end: an entry older than the last {@code capacity} seen could be shown twice, which
 * sync overlaps of seconds never come near.
 */
public final class Deduplicator {

    private final Map<String, Boolean> seen;

    public Deduplicator(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an ID is offered, false for every repeat still remembered. */
    public synchronized boolean firstSeen(String id) {
        return seen.put(id, Boolean.TRUE) == null;
    }

    public synchronized int size() {
        return seen.size();
    }
}
