package io.ieum.server.realtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of one socket's sends wait for storage. Bounded so that an overloaded server answers
 * {@code busy} at once (the client retries with the same ID) instead of queueing without limit.
 */
final class SendWindow {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    SendWindow(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " (expected: >= 1)");
        }
        this.max = max;
    }

    /** Counts one more send in flight, unless {@code max} already are. */
    boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    int max() {
        return max;
    }
}
