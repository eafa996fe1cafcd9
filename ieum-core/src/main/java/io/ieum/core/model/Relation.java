package io.ieum.core.model;

/** How one user has marked another. Relations are one-directional: A blocking B says nothing of B. */
public enum Relation {
    FRIEND,
    BLOCKED
}
