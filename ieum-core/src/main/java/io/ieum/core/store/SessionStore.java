package io.ieum.core.store;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;

/** Logged-in devices, found by the hash of their bearer token. */
public interface SessionStore {

    /** Stores a session; storing the same session again changes nothing. */
    void create(Session session);

    Optional<Session> byTokenHash(String tokenHash);

    /** The user's sessions, oldest first. */
    List<Session> byUser(UserId userId);

    /** Removes the session if it belongs to the user; returns whether one was removed. */
    boolean delete(UserId userId, SessionId sessionId);
}
