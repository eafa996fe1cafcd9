package io.ieum.client.realtime;

import java.nio.charset.StandardCharsets;

/**
 * Finds, without building any object, the few fields a connection needs from the two frames that
 * make up nearly all of a busy socket's traffic: {@code {"type":"entry","entry":{…,"id":…}}} (the
 * entry's {@code id}) and {@code {"type":"ack","id","roomId","status"}}. It walks the whole frame —
 * strings with their escapes, nested objects and arrays, separators — so an {@code "id"} inside a
 * message text or a nested object is never mistaken for the entry's. Any other frame type, and any
 * frame it does not fully understand (bad JSON, a needed value that is not a plain string, a key
 * with escapes), is {@link #OTHER}: the caller then reads it with {@link ServerFrameReader}, which
 * decides whether it is readable at all.
 *
 * <p>One instance per socket, used on its event loop only: the positions of the last scan stay in
 * its fields.
 */
final class FrameScanner {

    static final int OTHER = 0;
    static final int ENTRY = 1;
    static final int ACK = 2;

    private static final byte[] TYPE = bytes("type");
    private static final byte[] ID = bytes("id");
    private static final byte[] ROOM_ID = bytes("roomId");
    private static final byte[] STATUS = bytes("status");
    private static final byte[] ENTRY_KEY = bytes("entry");
    private static final byte[] ENTRY_TYPE = bytes("entry");
    private static final byte[] ACK_TYPE = bytes("ack");
    /** Deeper nesting than any server frame has: refused rather than walked. */
    private static final int MAX_DEPTH = 64;

    private byte[] b;
    private int pos;
    private int end;
    // The last scan's results: start (inclusive) and end (exclusive) of a string's content, -1 if absent.
    private int typeStart, typeEnd, idStart, idEnd, roomStart, roomEnd, statusStart, statusEnd, entryIdStart, entryIdEnd;
    private boolean entrySeen;
    // Set while scanning when a wanted value is present but not a plain string.
    private boolean unusable;

    /** Scans one frame; returns {@link #ENTRY}, {@link #ACK} or {@link #OTHER}. */
    int scan(byte[] utf8, int offset, int length) {
        b = utf8;
        pos = offset;
        end = offset + length;
        typeStart = typeEnd = idStart = idEnd = roomStart = roomEnd = statusStart = statusEnd = -1;
        entryIdStart = entryIdEnd = -1;
        entrySeen = false;
        unusable = false;
        try {
            if (!topObject()) {
                return OTHER;
            }
        } finally {
            b = null;
        }
        if (unusable || typeStart < 0) {
            return OTHER;
        }
        if (equalsAt(utf8, typeStart, typeEnd, ENTRY_TYPE)) {
            return entrySeen && entryIdStart >= 0 ? ENTRY : OTHER;
        }
        if (equalsAt(utf8, typeStart, typeEnd, ACK_TYPE)) {
            return idStart >= 0 ? ACK : OTHER;
        }
        return OTHER;
    }

    int entryIdStart() {
        return entryIdStart;
    }

    int entryIdEnd() {
        return entryIdEnd;
    }

    int idStart() {
        return idStart;
    }

    int idEnd() {
        return idEnd;
    }

    int roomIdStart() {
        return roomStart;
    }

    int roomIdEnd() {
        return roomEnd;
    }

    int statusStart() {
        return statusStart;
    }

    int statusEnd() {
        return statusEnd;
    }

    // ---- the walk ----------------------------------------------------------------------

    private boolean topObject() {
        skipSpace();
        if (!take('{')) {
            return false;
        }
        skipSpace();
        if (take('}')) {
            return atEnd();
        }
        while (true) {
            int keyStart = pos + 1;
            int keyEnd = plainString();
            if (keyEnd < 0 || !colon()) {
                return false;
            }
            if (!topValue(keyStart, keyEnd)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                skipSpace();
                continue;
            }
            return take('}') && atEnd();
        }
    }

    private boolean topValue(int keyStart, int keyEnd) {
        if (equalsAt(b, keyStart, keyEnd, ENTRY_KEY) && pos < end && b[pos] == '{') {
            entrySeen = true;
            return entryObject();
        }
        int slot = -1;
        if (equalsAt(b, keyStart, keyEnd, TYPE)) {
            slot = 0;
        } else if (equalsAt(b, keyStart, keyEnd, ID)) {
            slot = 1;
        } else if (equalsAt(b, keyStart, keyEnd, ROOM_ID)) {
            slot = 2;
        } else if (equalsAt(b, keyStart, keyEnd, STATUS)) {
            slot = 3;
        }
        return slot < 0 ? value(0) : wantedString(slot);
    }

    /** A wanted value: a plain string is recorded; null is left absent; anything else makes the frame unusable. */
    private boolean wantedString(int slot) {
        if (pos < end && b[pos] == '"') {
            int start = pos + 1;
            int stop = plainString();
            if (stop < 0) {
                // Escapes (or a broken string): let the full reader decide.
                unusable = true;
                return value(0);
            }
            record(slot, start, stop);
            return true;
        }
        if (pos < end && b[pos] != 'n') {
            unusable = true;
        }
        return value(0);
    }

    private void record(int slot, int start, int stop) {
        switch (slot) {
            case 0 -> { typeStart = start; typeEnd = stop; }
            case 1 -> { idStart = start; idEnd = stop; }
            case 2 -> { roomStart = start; roomEnd = stop; }
            default -> { statusStart = start; statusEnd = stop; }
        }
    }

    /** The {@code entry} object: only its own {@code id} is recorded, everything inside it is walked. */
    private boolean entryObject() {
        pos++;
        entryIdStart = entryIdEnd = -1;
        skipSpace();
        if (take('}')) {
            return true;
        }
        while (true) {
            int keyStart = pos + 1;
            int keyEnd = plainString();
            if (keyEnd < 0 || !colon()) {
                return false;
            }
            if (equalsAt(b, keyStart, keyEnd, ID) && pos < end && b[pos] == '"') {
                int start = pos + 1;
                int stop = plainString();
                if (stop < 0) {
                    unusable = true;
                    if (!value(1)) {
                        return false;
                    }
                } else {
                    entryIdStart = start;
                    entryIdEnd = stop;
                }
            } else if (!value(1)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                skipSpace();
                continue;
            }
            return take('}');
        }
    }

    /** Skips any JSON value at {@code pos}; false if it is not one. */
    private boolean value(int depth) {
        if (depth > MAX_DEPTH || pos >= end) {
            return false;
        }
        byte c = b[pos];
        switch (c) {
            case '"':
                return skipString();
            case '{':
                return skipObject(depth + 1);
            case '[':
                return skipArray(depth + 1);
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    private boolean skipObject(int depth) {
        pos++;
        skipSpace();
        if (take('}')) {
            return true;
        }
        while (true) {
            if (pos >= end || b[pos] != '"' || !skipString() || !colon() || !value(depth)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                skipSpace();
                continue;
            }
            return take('}');
        }
    }

    private boolean skipArray(int depth) {
        pos++;
        skipSpace();
        if (take(']')) {
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                skipSpace();
                continue;
            }
            return take(']');
        }
    }

    /**
     * A string without escapes at {@code pos} (on its opening quote): moves past it and returns the
     * index of its closing quote, or -1 (position unspecified) if it has escapes or is broken.
     */
    private int plainString() {
        if (pos >= end || b[pos] != '"') {
            return -1;
        }
        int save = pos;
        for (int i = pos + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return i;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                pos = save;
                return -1;
            }
        }
        pos = save;
        return -1;
    }

    /** Any string at {@code pos} (on its opening quote), escapes included; false if broken. */
    private boolean skipString() {
        for (int i = pos + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                pos = i + 1;
                return true;
            }
            if (c == '\\') {
                i++;
            } else if (c >= 0 && c < 0x20) {
                return false;
            }
        }
        return false;
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    /** Digits, sign, point and exponent only: enough to tell a number from garbage. */
    private boolean number() {
        int start = pos;
        while (pos < end) {
            byte c = b[pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                pos++;
            } else {
                break;
            }
        }
        return pos > start;
    }

    private boolean colon() {
        skipSpace();
        if (!take(':')) {
            return false;
        }
        skipSpace();
        return true;
    }

    private boolean take(char c) {
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean atEnd() {
        skipSpace();
        return pos == end;
    }

    private static boolean equalsAt(byte[] bytes, int start, int stop, byte[] word) {
        if (stop - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (bytes[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
