package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;

/**
 * A logged-in device. The bearer token itself is never stored: {@code tokenHash} is its SHA-256,
 * so a copy of the database does not let anyone log in.
 */
public record Session(SessionId id, UserId userId, String tokenHash, String deviceName,
                      Instant createdAt, Instant expiresAt) {

    public Session {
        requireNonNull(id, "id");
        requireNonNull(userId, "userId");
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(deviceName, "deviceName");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
