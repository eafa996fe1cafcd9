package io.ieum.cli.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The IDs of one generator process's sends, numbered 0, 1, 2... in the order they were sent, in
 * arrays sized once for the whole run. Looking a delivery up costs no hashing of a 36-character
 * string, no boxing and no lock; and since nothing here is an object per send, a run of millions
 * of sends gives the garbage collector nothing to trace or copy (an object per send, kept to the
 * end, made the generator's young pauses 15–40 ms long and showed as latency). Only the sending
 * thread adds (it is the one writer), the I/O threads only read; nothing is removed.
 */
final class SentIds {

    /** More than any run's share of sends per process can need (at 2 slots per send). */
    static final int MAX_CAPACITY = 1 << 28;

    private final long[] msb;
    private final long[] lsb;
    /** Open addressing by ID: a send's number + 1, 0 for an empty slot. */
    private final AtomicIntegerArray slots;
    private final int mask;
    private int size;

    /** @param capacity how many sends will be added, at most */
    SentIds(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: 1.." + MAX_CAPACITY + ")");
        }
        this.msb = new long[capacity];
        this.lsb = new long[capacity];
        // At most half full: linear probes stay short.
        int length = Integer.highestOneBit(Math.max(8, capacity) * 2 - 1) << 1;
        this.slots = new AtomicIntegerArray(length);
        this.mask = length - 1;
    }

    /**
     * Adds the next send's ID and returns its number; called by the one sending thread only. What
     * the caller stored under that number before this call is visible to whoever finds the ID.
     */
    int add(long idMsb, long idLsb) {
        if (size == msb.length) {
            throw new IllegalStateException("sent table full: " + msb.length + " sends");
        }
        int number = size++;
        msb[number] = idMsb;
        lsb[number] = idLsb;
        int i = index(idMsb, idLsb);
        while (slots.getPlain(i) != 0) {
            i = (i + 1) & mask;
        }
        // Release: a reader that sees the slot sees the ID and everything stored before it.
        slots.setRelease(i, number + 1);
        return number;
    }

    /** The number of the send with this ID, or -1 if this process did not send it (or not yet). */
    int find(long idMsb, long idLsb) {
        int i = index(idMsb, idLsb);
        int slot;
        while ((slot = slots.getAcquire(i)) != 0) {
            int number = slot - 1;
            if (msb[number] == idMsb && lsb[number] == idLsb) {
                return number;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    long msb(int number) {
        return msb[number];
    }

    long lsb(int number) {
        return lsb[number];
    }

    /** How many sends were added; read by the sending thread, or by anyone after it stopped. */
    int size() {
        return size;
    }

    private int index(long idMsb, long idLsb) {
        // IDs made in the same millisecond differ only in a counter (monotonic UUIDv7): mix every
        // bit (MurmurHash3's finalizer) or neighbours would fill runs of slots and probes grow long.
        long h = idMsb * 0x9E3779B97F4A7C15L + idLsb;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
