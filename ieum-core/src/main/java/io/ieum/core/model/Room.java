package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/**
 * A conversation. For a direct room {@code name} is empty and {@code owner} is the person who
 * first opened it; only group rooms use them.
 */
public record Room(RoomId id, RoomKind kind, String name, UserId owner, Instant createdAt) {

    public static final int MAX_NAME = 100;

    public Room {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        requireNonNull(owner, "owner");
        requireNonNull(createdAt, "createdAt");
    }
}
