package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.UserId;

/** A registered person. {@code passwordHash} is an Argon2id PHC string, never the password. */
public record Account(UserId id, Username username, String passwordHash, Profile profile, Instant createdAt) {

    public Account {
        requireNonNull(id, "id");
        requireNonNull(username, "username");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(profile, "profile");
        requireNonNull(createdAt, "createdAt");
    }

    public Account withProfile(Profile newProfile) {
        return new Account(id, username, passwordHash, newProfile, createdAt);
    }
}
