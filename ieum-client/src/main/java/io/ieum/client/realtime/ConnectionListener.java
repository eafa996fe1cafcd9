package io.ieum.client.realtime;

import io.ieum.client.model.EntryView;
import io.ieum.client.model.ReadEvent;

/** What a realtime connection tells the application. Called on the connection's I/O threads: return quickly. */
public interface ConnectionListener {

    /** A new entry, each ID exactly once (after de-duplication). */
    default void onEntry(EntryView entry) {}

    /** Every entry as it arrives, duplicates included: for measurements, not for display. */
    default void onRawEntry(EntryView entry) {}

    default void onRead(ReadEvent event) {}

    default void onStateChange(ConnectionState state) {}

    ConnectionListener NONE = new ConnectionListener() {};
}
