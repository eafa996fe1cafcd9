package io.ieum.client.realtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent {@code capacity} entry IDs so a repeated delivery (a push that raced a
 * sync, a sync overlap, a second site) is shown once. Bounded so that a long-lived client does not
 * grow without end: an entry older than the last {@code capacity} seen could be shown twice, which
 * sync overlaps of seconds never come near.
 *
 * <p>IDs in the canonical UUID form the server sends — all of them in practice — are kept as two
 * longs in an open-addressing table, with a ring of the same pairs in arrival order for forgetting
 * the oldest: no object per ID, and no string kept alive into the old generation. Both grow with
 * use up to {@code capacity}, so an idle connection costs a few hundred bytes — unless made
 * {@linkplain #Deduplicator(int, boolean) presized}. Any other ID goes to a small map of its own
 * with the same bound.
 */
public final class Deduplicator {

    private static final int INITIAL_SLOTS = 64;
    /** (0, 0) marks a free slot, so the all-zero UUID is remembered among the others. */
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";

    private final int capacity;
    /** Pairs (msb, lsb) at 2·slot, 2·slot+1, linear probing; (0, 0) marks a free slot. */
    private long[] table = new long[2 * INITIAL_SLOTS];
    private int mask = INITIAL_SLOTS - 1;
    /** The remembered pairs, oldest at {@code head}. */
    private long[] ring = new long[2 * INITIAL_SLOTS / 2];
    private int head;
    private int size;
    private Map<String, Boolean> others;
    /** Reads canonical IDs (callers hold the lock). */
    private final CanonicalUuid canonical = new CanonicalUuid();

    public Deduplicator(int capacity) {
        this(capacity, false);
    }

    /**
     * @param presized take the tables' full size for {@code capacity} now, so they never grow: for
     *                 many connections in one JVM (a load generator), whose tables would otherwise
     *                 grow in step and be copied or allocated as humongous objects by the garbage
     *                 collector all through a run
     */
    public Deduplicator(int capacity, boolean presized) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.capacity = capacity;
        if (presized) {
            int slots = presizedSlots(capacity);
            table = new long[2 * slots];
            mask = slots - 1;
            ring = new long[2 * capacity];
        }
    }

    /**
     * The bytes of a {@linkplain #Deduplicator(int, boolean) presized} deduplicator's tables, taken at
     * once: for a caller deciding whether it can afford them for all of its connections.
     */
    public static long presizedBytes(int capacity) {
        return Long.BYTES * (2L * presizedSlots(capacity) + 2L * capacity);
    }

    /** At most half full at capacity, as growth would leave it; the ring holds exactly capacity pairs. */
    private static int presizedSlots(int capacity) {
        return Integer.highestOneBit(Math.max(INITIAL_SLOTS, 2 * capacity) - 1) << 1;
    }

    /** True the first time an ID is offered, false for every repeat still remembered. */
    public synchronized boolean firstSeen(String id) {
        if (!canonical.read(id)) {
            return otherFirstSeen(id);
        }
        return firstSeen(canonical.msb(), canonical.lsb());
    }

    /** The same for a canonical ID given as its UUID's halves (as read straight from a frame). */
    public synchronized boolean firstSeen(long msb, long lsb) {
        if (msb == 0 && lsb == 0) {
            return otherFirstSeen(ZERO_UUID);
        }
        int slot = find(msb, lsb);
        if (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
            return false;
        }
        if (size == capacity) {
            forgetOldest();
            slot = find(msb, lsb);
        }
        table[2 * slot] = msb;
        table[2 * slot + 1] = lsb;
        remember(msb, lsb);
        if (size * 2 > mask + 1 && (mask + 1) / 2 < capacity) {
            grow();
        }
        return true;
    }

    /** Slots of the ID table (for tests: a presized table never grows). */
    synchronized int tableSlots() {
        return mask + 1;
    }

    public synchronized int size() {
        return size + (others == null ? 0 : others.size());
    }

    /** The slot holding the pair, or the free slot where it would go. */
    private int find(long msb, long lsb) {
        int slot = spread(msb, lsb) & mask;
        while (true) {
            long m = table[2 * slot];
            long l = table[2 * slot + 1];
            if ((m == msb && l == lsb) || (m == 0 && l == 0)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(long msb, long lsb) {
        long h = (msb ^ lsb) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    private void remember(long msb, long lsb) {
        int slots = ring.length / 2;
        if (size == slots) {
            long[] larger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                int from = (head + i) % slots;
                larger[2 * i] = ring[2 * from];
                larger[2 * i + 1] = ring[2 * from + 1];
            }
            ring = larger;
            head = 0;
            slots = ring.length / 2;
        }
        int tail = (head + size) % slots;
        ring[2 * tail] = msb;
        ring[2 * tail + 1] = lsb;
        size++;
    }

    private void forgetOldest() {
        int slots = ring.length / 2;
        int slot = find(ring[2 * head], ring[2 * head + 1]);
        head = (head + 1) % slots;
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = slot;
        int next = (hole + 1) & mask;
        while (table[2 * next] != 0 || table[2 * next + 1] != 0) {
            int home = spread(table[2 * next], table[2 * next + 1]) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                table[2 * hole] = table[2 * next];
                table[2 * hole + 1] = table[2 * next + 1];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        table[2 * hole] = 0;
        table[2 * hole + 1] = 0;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int slot = find(old[i], old[i + 1]);
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private boolean otherFirstSeen(String id) {
        if (others == null) {
            others = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }
        return others.put(id, Boolean.TRUE) == null;
    }
}
