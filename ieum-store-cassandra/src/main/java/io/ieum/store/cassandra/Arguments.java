package io.ieum.store.cassandra;

import io.ieum.core.store.TimelineStore;

/** Argument checks shared by the stores; messages name the value and what was expected. */
final class Arguments {

    private Arguments() {}

    static int limit(int limit) {
        if (limit < 1 || limit > TimelineStore.MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + TimelineStore.MAX_LIMIT + ")");
        }
        return limit;
    }

    static int cap(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap: " + cap + " (expected: >= 0)");
        }
        return cap;
    }

    static long maxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: >= 0)");
        }
        return maxBytes;
    }
}
