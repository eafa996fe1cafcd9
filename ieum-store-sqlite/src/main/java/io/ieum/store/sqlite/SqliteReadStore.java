package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.store.ReadStore;

final class SqliteReadStore implements ReadStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final ReadDao dao = new ReadDao();

    SqliteReadStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<Void> advance(RoomId roomId, UserId userId, MessageId upTo) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        requireNonNull(upTo, "upTo");
        return writer.submit(connection -> {
            dao.advance(connection, roomId, userId, upTo);
            return null;
        });
    }

    @Override
    public Optional<MessageId> position(RoomId roomId, UserId userId) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        return reads.read(connection -> dao.position(connection, roomId, userId));
    }

    @Override
    public Map<UserId, MessageId> positions(RoomId roomId) {
        requireNonNull(roomId, "roomId");
        return reads.read(connection -> dao.positions(connection, roomId));
    }
}
