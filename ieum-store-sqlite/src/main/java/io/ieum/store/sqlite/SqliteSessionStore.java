package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.SessionId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Session;
import io.ieum.core.store.SessionStore;

final class SqliteSessionStore implements SessionStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final SessionDao dao = new SessionDao();

    SqliteSessionStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void create(Session session) {
        requireNonNull(session, "session");
        writer.call(connection -> {
            dao.insertIfAbsent(connection, session);
            return null;
        });
    }

    @Override
    public Optional<Session> byTokenHash(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return reads.read(connection -> dao.byTokenHash(connection, tokenHash));
    }

    @Override
    public List<Session> byUser(UserId userId) {
        requireNonNull(userId, "userId");
        return reads.read(connection -> dao.byUser(connection, userId));
    }

    @Override
    public boolean delete(UserId userId, SessionId sessionId) {
        requireNonNull(userId, "userId");
        requireNonNull(sessionId, "sessionId");
        return writer.call(connection -> dao.delete(connection, userId, sessionId));
    }
}
