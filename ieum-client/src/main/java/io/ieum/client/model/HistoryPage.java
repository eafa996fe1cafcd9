package io.ieum.client.model;

import java.util.List;

/** A page of a room's history, newest first. */
public record HistoryPage(List<EntryView> entries, boolean hasMore) {}
