package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ieum.core.store.StoreArguments;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;
import io.ieum.core.store.TimelineStore;

final class SqliteTimelineStore implements TimelineStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final TimelineDao dao = new TimelineDao();

    SqliteTimelineStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletableFuture<AppendResult> append(Entry entry) {
        requireNonNull(entry, "entry");
        return writer.submit(connection ->
                dao.insertIfAbsent(connection, entry) ? AppendResult.STORED : AppendResult.DUPLICATE);
    }

    @Override
    public CompletableFuture<Void> delete(RoomId roomId, MessageId target, Entry deletionEvent) {
        requireNonNull(roomId, "roomId");
        requireNonNull(target, "target");
        requireNonNull(deletionEvent, "deletionEvent");
        if (!deletionEvent.roomId().equals(roomId)) {
            throw new IllegalArgumentException("deletionEvent.roomId: " + deletionEvent.roomId()
                    + " (expected: " + roomId + ")");
        }
        return writer.submit(connection -> {
            dao.insertIfAbsent(connection, deletionEvent);
            dao.erase(connection, roomId, target);
            return null;
        });
    }

    @Override
    public Optional<Entry> get(RoomId roomId, MessageId id) {
        requireNonNull(roomId, "roomId");
        requireNonNull(id, "id");
        return reads.read(connection -> dao.get(connection, roomId, id));
    }

    @Override
    public List<Entry> before(RoomId roomId, MessageId before, int limit) {
        requireNonNull(roomId, "roomId");
        StoreArguments.limit(limit);
        return reads.read(connection -> dao.before(connection, roomId, before, limit));
    }

    @Override
    public List<Entry> after(RoomId roomId, MessageId after, int limit) {
        requireNonNull(roomId, "roomId");
        requireNonNull(after, "after");
        StoreArguments.limit(limit);
        return reads.read(connection -> dao.after(connection, roomId, after, limit));
    }

    @Override
    public Optional<Entry> latest(RoomId roomId) {
        return before(roomId, null, 1).stream().findFirst();
    }

    @Override
    public int countUnread(RoomId roomId, MessageId after, UserId reader, int cap) {
        requireNonNull(roomId, "roomId");
        requireNonNull(reader, "reader");
        StoreArguments.cap(cap);
        if (cap == 0) {
            return 0;
        }
        return reads.read(connection -> dao.countUnread(connection, roomId, after, reader, cap));
    }
}
