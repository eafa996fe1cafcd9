package io.ieum.client.realtime;

import io.ieum.client.model.EntryView;

/**
 * An entry as it arrived: always its ID (all that de-duplication and the cursor need), and the
 * bound {@link EntryView} only when the listener asked for views.
 */
record PushedEntry(String id, EntryView view) {}
