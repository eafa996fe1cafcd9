package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/** A user's membership of a room. */
public record Member(RoomId roomId, UserId userId, MemberRole role, Instant joinedAt) {

    public Member {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        requireNonNull(role, "role");
        requireNonNull(joinedAt, "joinedAt");
    }
}
