package io.ieum.cli.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The sends of one generator process by message ID, in a table sized once for the whole run:
 * looking a delivery up costs no hashing of a 36-character string, no boxing and no lock. Only
 * the sending thread adds (it is the one writer), the I/O threads only read; nothing is removed.
 *
 * @param <T> what is kept per send
 */
final class SentTable<T extends SentTable.Keyed> {

    /** A value that knows its 128-bit ID (the two halves of the message's UUID). */
    interface Keyed {
        long msb();

        long lsb();
    }

    /** More than any run's share of sends per process can need (at 2 slots per send). */
    static final int MAX_CAPACITY = 1 << 28;

    private final AtomicReferenceArray<T> slots;
    private final int mask;
    private final int capacity;
    private int size;

    /** @param capacity how many sends will be added, at most */
    SentTable(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: 1.." + MAX_CAPACITY + ")");
        }
        // At most half full: linear probes stay short.
        int length = Integer.highestOneBit(Math.max(8, capacity) * 2 - 1) << 1;
        this.slots = new AtomicReferenceArray<>(length);
        this.mask = length - 1;
        this.capacity = capacity;
    }

    /** Adds a send; called by the one sending thread only. */
    void add(T value) {
        if (size == capacity) {
            throw new IllegalStateException("sent table full: " + capacity + " sends");
        }
        int i = index(value.msb(), value.lsb());
        while (slots.getPlain(i) != null) {
            i = (i + 1) & mask;
        }
        // Release: a reader that sees the reference sees the value's final fields set.
        slots.setRelease(i, value);
        size++;
    }

    /** The send with this ID, or null if this process did not send it (or not yet). */
    T get(long msb, long lsb) {
        int i = index(msb, lsb);
        T value;
        while ((value = slots.getAcquire(i)) != null) {
            if (value.msb() == msb && value.lsb() == lsb) {
                return value;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Every send added so far (in no particular order); for after the run. */
    void forEach(Consumer<T> action) {
        for (int i = 0; i < slots.length(); i++) {
            T value = slots.getAcquire(i);
            if (value != null) {
                action.accept(value);
            }
        }
    }

    private int index(long msb, long lsb) {
        // IDs made in the same millisecond differ only in a counter (monotonic UUIDv7): mix every
        // bit (MurmurHash3's finalizer) or neighbours would fill runs of slots and probes grow long.
        long h = msb * 0x9E3779B97F4A7C15L + lsb;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
