package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;

/** Who is calling: the user and the session (device) the bearer token belongs to. */
public record AuthContext(UserId userId, SessionId sessionId) {
    public AuthContext {
        requireNonNull(userId, "userId");
        requireNonNull(sessionId, "sessionId");
    }
}
