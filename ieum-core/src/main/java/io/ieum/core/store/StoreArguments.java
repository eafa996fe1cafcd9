package io.ieum.core.store;

/** Argument checks every backend makes the same way; messages name the value and what was expected. */
public final class StoreArguments {

    private StoreArguments() {}

    public static int limit(int limit) {
        if (limit < 1 || limit > TimelineStore.MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + TimelineStore.MAX_LIMIT + ")");
        }
        return limit;
    }

    public static int cap(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap: " + cap + " (expected: >= 0)");
        }
        return cap;
    }

    public static long maxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: >= 0)");
        }
        return maxBytes;
    }
}
