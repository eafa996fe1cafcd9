package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;

import io.ieum.core.store.StoreArguments;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;
import io.ieum.core.store.TimeBuckets;
import io.ieum.core.store.TimelineStore;

/**
 * The timeline without a lightweight transaction per message (docs/adr/0004):
 * <ol>
 *   <li>the bucket index row and a QUORUM read of the entry's {@code kind} go out together;</li>
 *   <li>if the entry exists the answer is {@link AppendResult#DUPLICATE} and nothing is written;</li>
 *   <li>else a plain QUORUM insert at a backwards-running timestamp ({@link WriteTimestamps#append()}),
 *       which loses every cell to an earlier write of the same key and to any erase.</li>
 * </ol>
 * Concurrent appends of one (room, ID) in this process share one write (single flight), so this
 * server answers STORED once; appends racing from two servers both write identical cells (a retry) or
 * lose to the first (a clash), and may both answer STORED — clients de-duplicate by ID.
 */
final class CassandraTimelineStore implements TimelineStore {

    private final Cql cql;
    private final TimelineDao timeline;
    private final TimelineBucketDao buckets;
    private final WriteTimestamps timestamps;
    private final ConcurrentMap<Key, CompletableFuture<AppendResult>> inFlight = new ConcurrentHashMap<>();

    private record Key(RoomId roomId, MessageId id) {}

    CassandraTimelineStore(Cql cql, WriteTimestamps timestamps) {
        this.cql = cql;
        this.timeline = new TimelineDao(cql);
        this.buckets = new TimelineBucketDao(cql);
        this.timestamps = timestamps;
    }

    @Override
    public CompletableFuture<AppendResult> append(Entry entry) {
        requireNonNull(entry, "entry");
        Key key = new Key(entry.roomId(), entry.id());
        CompletableFuture<AppendResult> mine = new CompletableFuture<>();
        CompletableFuture<AppendResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            // Someone in this process is writing the same key: we are its duplicate, unless it failed.
            return running.handle((result, error) -> error == null
                            ? CompletableFuture.completedFuture(AppendResult.DUPLICATE)
                            : append(entry))
                    .thenCompose(Function.identity());
        }
        CompletableFuture<AppendResult> write;
        try {
            write = writeIfAbsent(entry);
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        write.whenComplete((result, error) -> {
            inFlight.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    private CompletableFuture<AppendResult> writeIfAbsent(Entry entry) {
        long bucket = TimeBuckets.bucketOf(entry.id());
        CompletableFuture<Void> indexed = cql.executeAsyncVoid(buckets.insert(entry.roomId(), bucket));
        CompletableFuture<Boolean> exists = cql.executeAsync(timeline.kindOf(entry.roomId(), entry.id()))
                .thenApply(rows -> TimelineDao.isEntry(rows.one()));
        return indexed.thenCombine(exists, (ignored, present) -> present).thenCompose(present -> present
                ? CompletableFuture.completedFuture(AppendResult.DUPLICATE)
                : cql.executeAsync(timeline.insert(entry, timestamps.append())).thenApply(ignored -> AppendResult.STORED));
    }

    @Override
    public CompletableFuture<Void> delete(RoomId roomId, MessageId target, Entry deletionEvent) {
        requireNonNull(roomId, "roomId");
        requireNonNull(target, "target");
        requireNonNull(deletionEvent, "deletionEvent");
        if (!deletionEvent.roomId().equals(roomId)) {
            throw new IllegalArgumentException("deletionEvent.roomId: " + deletionEvent.roomId() + " (expected: " + roomId + ")");
        }
        // One logged batch: the event, its bucket and the erase land together or (after a retry) not at all.
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED,
                buckets.insert(roomId, TimeBuckets.bucketOf(deletionEvent.id())),
                timeline.insert(deletionEvent, timestamps.append()),
                timeline.erase(roomId, target, timestamps.erase()));
        return cql.executeAsyncVoid(batch);
    }

    @Override
    public Optional<Entry> get(RoomId roomId, MessageId id) {
        return timeline.get(requireNonNull(roomId, "roomId"), requireNonNull(id, "id"));
    }

    @Override
    public List<Entry> before(RoomId roomId, MessageId before, int limit) {
        requireNonNull(roomId, "roomId");
        StoreArguments.limit(limit);
        List<Entry> page = new ArrayList<>(Math.min(limit, 64));
        Iterator<Long> walk = before == null
                ? buckets.newestFirst(roomId)
                : buckets.newestFirstAtMost(roomId, TimeBuckets.bucketOf(before));
        while (walk.hasNext() && page.size() < limit) {
            long bucket = walk.next();
            boolean cursorBucket = before != null && bucket == TimeBuckets.bucketOf(before);
            timeline.newestFirst(roomId, bucket, cursorBucket ? before : null, limit, page);
        }
        return page;
    }

    @Override
    public List<Entry> after(RoomId roomId, MessageId after, int limit) {
        requireNonNull(roomId, "roomId");
        requireNonNull(after, "after");
        StoreArguments.limit(limit);
        List<Entry> page = new ArrayList<>(Math.min(limit, 64));
        long first = TimeBuckets.bucketOf(after);
        Iterator<Long> walk = buckets.oldestFirstAtLeast(roomId, first);
        while (walk.hasNext() && page.size() < limit) {
            long bucket = walk.next();
            timeline.oldestFirst(roomId, bucket, bucket == first ? after : null, limit, page);
        }
        return page;
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
        // Newest buckets first: unread messages are the newest ones, and the cap usually stops us early.
        Iterator<Long> walk = after == null
                ? buckets.newestFirst(roomId)
                : buckets.newestFirstAtLeast(roomId, TimeBuckets.bucketOf(after));
        int count = 0;
        while (walk.hasNext() && count < cap) {
            long bucket = walk.next();
            boolean cursorBucket = after != null && bucket == TimeBuckets.bucketOf(after);
            count += timeline.countUnread(roomId, bucket, cursorBucket ? after : null, reader.uuid(), cap - count);
        }
        return count;
    }
}
