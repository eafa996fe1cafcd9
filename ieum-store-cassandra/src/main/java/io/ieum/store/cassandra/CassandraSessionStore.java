package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;
import io.ieum.core.store.SessionStore;

/**
 * Two idempotent writes per session: by user first, then by token. A session is usable only once
 * its token row exists, so a crash between the two leaves an unusable entry that a retry completes.
 * Delete removes the token row first (the session stops working), then the user's entry.
 */
final class CassandraSessionStore implements SessionStore {

    private final SessionByTokenDao byToken;
    private final SessionByUserDao byUser;

    CassandraSessionStore(Cql cql) {
        this.byToken = new SessionByTokenDao(cql);
        this.byUser = new SessionByUserDao(cql);
    }

    @Override
    public void create(Session session) {
        requireNonNull(session, "session");
        byUser.insert(session);
        byToken.insert(session);
    }

    @Override
    public Optional<Session> byTokenHash(String tokenHash) {
        return byToken.byTokenHash(requireNonNull(tokenHash, "tokenHash"));
    }

    @Override
    public List<Session> byUser(UserId userId) {
        return byUser.byUser(requireNonNull(userId, "userId"));
    }

    @Override
    public boolean delete(UserId userId, SessionId sessionId) {
        requireNonNull(userId, "userId");
        requireNonNull(sessionId, "sessionId");
        Optional<Session> found = byUser.byUser(userId).stream().filter(s -> s.id().equals(sessionId)).findFirst();
        if (found.isEmpty()) {
            return false;
        }
        Session session = found.get();
        byToken.byTokenHash(session.tokenHash())
                .filter(s -> s.id().equals(sessionId))
                .ifPresent(s -> byToken.delete(s.tokenHash()));
        byUser.delete(session);
        return true;
    }
}
