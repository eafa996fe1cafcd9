package io.ieum.core.service;

import io.ieum.core.model.Entry;

/** A timeline entry as one member sees it, with how many other members have not read it yet. */
public record HistoryEntry(Entry entry, int unreadBy) {}
