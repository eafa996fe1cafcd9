package io.ieum.core.service;

import java.util.List;

import io.ieum.core.id.MessageId;

/**
 * What a device missed: entries of all the user's rooms, oldest first. A first page starts a little before the
 * device's cursor (see {@link Limits#syncOverlap()}), so a device must ignore IDs it already has.
 *
 * @param cursor  the cursor to pass to the next sync (the newest ID returned, or the one given)
 * @param hasMore true if the page was cut at its limit and another sync should follow at once
 */
public record SyncPage(List<io.ieum.core.model.Entry> entries, MessageId cursor, boolean hasMore) {}
