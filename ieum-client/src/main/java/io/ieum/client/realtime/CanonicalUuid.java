package io.ieum.client.realtime;

/**
 * Reads a UUID in the canonical lower-case form the server sends ({@code 8-4-4-4-12} hex digits) into
 * its two halves in one pass, checking as it goes: from a {@code String}, or straight from a frame's
 * UTF-8 bytes, so that a pushed entry's ID need not become text at all. Any other form is refused
 * (false), and callers fall back to {@link java.util.UUID#fromString}. Mutable and unsynchronized: one
 * per reader.
 */
final class CanonicalUuid {

    static final int LENGTH = 36;
    /** The value of each lower-case hex digit, -1 for any other ASCII character. */
    private static final int[] HEX = new int[128];

    static {
        java.util.Arrays.fill(HEX, -1);
        for (int i = 0; i < 16; i++) {
            HEX["0123456789abcdef".charAt(i)] = i;
        }
    }

    private long msb;
    private long lsb;
    /** An ID's characters as bytes, for {@link #read(String)}; 0 stands for any non-ASCII one. */
    private final byte[] ascii = new byte[LENGTH];

    /** The most significant half of the UUID last read successfully. */
    long msb() {
        return msb;
    }

    /** The least significant half of the UUID last read successfully. */
    long lsb() {
        return lsb;
    }

    boolean read(String id) {
        if (id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            ascii[i] = c < 128 ? (byte) c : 0;
        }
        return read(ascii, 0, LENGTH);
    }

    /** Reads {@code utf8[start, end)}; any byte outside ASCII makes it not canonical. */
    boolean read(byte[] utf8, int start, int end) {
        if (end - start != LENGTH) {
            return false;
        }
        long high = 0;
        long low = 0;
        int bad = 0;
        for (int i = 0; i < LENGTH; i++) {
            int b = utf8[start + i];
            if (isDashAt(i)) {
                bad |= b ^ '-';
                continue;
            }
            int digit = b >= 0 ? HEX[b] : -1;
            bad |= digit & ~0xF;
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        if (bad != 0) {
            return false;
        }
        msb = high;
        lsb = low;
        return true;
    }

    private static boolean isDashAt(int i) {
        return i == 8 || i == 13 || i == 18 || i == 23;
    }
}
