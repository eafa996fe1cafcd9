package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.UserId;

/** One entry of a user's friend list (or block list): {@code owner} has marked {@code other}. */
public record Contact(UserId owner, UserId other, Relation relation, Instant since) {

    public Contact {
        requireNonNull(owner, "owner");
        requireNonNull(other, "other");
        requireNonNull(relation, "relation");
        requireNonNull(since, "since");
    }
}
