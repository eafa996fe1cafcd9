package io.ieum.core.model;

/** The outcome of an idempotent append: the entry was new, or the same write was already stored. */
public enum AppendResult {
    STORED,
    DUPLICATE
}
