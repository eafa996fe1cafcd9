package io.ieum.client.model;

import java.time.Instant;

/** A member of a room; {@code readUpTo} is null until the member reads something. */
public record MemberView(UserView user, String role, Instant joinedAt, String readUpTo) {}
