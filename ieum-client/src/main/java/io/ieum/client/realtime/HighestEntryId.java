package io.ieum.client.realtime;

import java.util.UUID;

/**
 * The highest entry ID a connection has seen: the cursor it syncs from. Kept as the UUID's two
 * halves, so an ID read straight from a frame's bytes is compared without becoming text; the text is
 * made only when asked for (a sync's cursor), and an ID that arrived in another form is given back
 * as it arrived. Entry IDs order as UUIDs do ({@link EntryIds#compare}). Not thread-safe: the
 * connection holds its lock.
 */
final class HighestEntryId {

    private boolean any;
    private long msb;
    private long lsb;
    /** The ID's text: null until asked for, or the ID as it arrived when it came as text. */
    private String text;

    /** Takes the ID if it is higher than the highest so far; true if it did. */
    boolean offer(long msb, long lsb) {
        if (any && EntryIds.compare(msb, lsb, this.msb, this.lsb) <= 0) {
            return false;
        }
        any = true;
        this.msb = msb;
        this.lsb = lsb;
        text = null;
        return true;
    }

    /** The same for an ID as text; one that is not a UUID at all is no cursor and is left out. */
    boolean offer(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!offer(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits())) {
            return false;
        }
        text = id;
        return true;
    }

    /** The highest ID seen, or null before the first. */
    String text() {
        if (!any) {
            return null;
        }
        if (text == null) {
            text = new UUID(msb, lsb).toString();
        }
        return text;
    }
}
