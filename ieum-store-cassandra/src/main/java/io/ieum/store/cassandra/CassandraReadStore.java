package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ReadStore;

/**
 * Monotonic read positions without a read or an LWT: each advance is one blind QUORUM write whose
 * timestamp grows with the position ({@link WriteTimestamps#position}), so Cassandra's
 * last-write-wins keeps the newest position whatever order advances arrive in, on any site.
 */
final class CassandraReadStore implements ReadStore {

    private final Cql cql;
    private final ReadDao dao;

    CassandraReadStore(Cql cql) {
        this.cql = cql;
        this.dao = new ReadDao(cql);
    }

    @Override
    public CompletableFuture<Void> advance(RoomId roomId, UserId userId, MessageId upTo) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        requireNonNull(upTo, "upTo");
        return cql.executeAsyncVoid(dao.advance(roomId, userId, upTo));
    }

    @Override
    public Optional<MessageId> position(RoomId roomId, UserId userId) {
        return dao.position(requireNonNull(roomId, "roomId"), requireNonNull(userId, "userId"));
    }

    @Override
    public Map<UserId, MessageId> positions(RoomId roomId) {
        return dao.positions(requireNonNull(roomId, "roomId"));
    }
}
