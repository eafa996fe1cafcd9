package io.ieum.client.model;

import java.util.List;

/** A page of catch-up entries; continue with {@code after=cursor} while {@code hasMore}. */
public record SyncPage(List<EntryView> entries, String cursor, boolean hasMore) {}
