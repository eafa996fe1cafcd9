package io.ieum.client.realtime;

import java.util.UUID;

import io.ieum.client.model.EntryView;
import io.ieum.client.model.ReadEvent;

/**
 * What a realtime connection tells the application. Called on the connection's I/O threads (and, while
 * it catches up after a reconnect, its catch-up thread), one call at a time: return quickly.
 */
public interface ConnectionListener {

    /** A new entry, each ID exactly once (after de-duplication). Not called if {@link #wantsEntryViews()} is false. */
    default void onEntry(EntryView entry) {}

    /**
     * Every entry as it arrives, duplicates included: for measurements, not for display. Not called
     * if {@link #wantsEntryViews()} is false.
     */
    default void onRawEntry(EntryView entry) {}

    /** Every entry's ID as it arrives, {@code duplicate} when the de-duplicator has seen it before. */
    default void onEntryId(String entryId, boolean duplicate) {}

    /**
     * The same, for an ID the connection read as a canonical UUID straight from the frame's bytes
     * (a pushed entry's, when {@link #wantsEntryViews()} is false): given as the UUID's two halves, so
     * a listener that counts many deliveries need not parse text. By default it makes the text and
     * calls {@link #onEntryId(String, boolean)}.
     */
    default void onEntryUuid(long msb, long lsb, boolean duplicate) {
        onEntryId(new UUID(msb, lsb).toString(), duplicate);
    }

    /**
     * Whether entries are bound to {@link EntryView}s for {@link #onEntry} and {@link #onRawEntry}.
     * A listener that only needs IDs (a load generator) answers false: the connection then reads
     * only each entry's ID, and still de-duplicates and advances its cursor the same way.
     */
    default boolean wantsEntryViews() {
        return true;
    }

    default void onRead(ReadEvent event) {}

    default void onStateChange(ConnectionState state) {}

    ConnectionListener NONE = new ConnectionListener() {};
}
