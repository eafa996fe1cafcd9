package io.ieum.core.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.AppendResult;
import io.ieum.core.model.Entry;

/**
 * The timeline of every room: messages and room events, ordered by entry ID, laid out per
 * (room, time bucket). Appends are the hot path, so they are asynchronous and may be committed
 * in groups; the future completes only once the entry is durable.
 *
 * <p>Page sizes ({@code limit}) must be in {@code 1..}{@link #MAX_LIMIT} and caps must be
 * {@code >= 0}; other values are refused with an {@link IllegalArgumentException} naming the value,
 * e.g. {@code "limit: 0 (expected: 1..1000)"}. A write refused because the backend is saturated
 * fails with {@link StorageBusyException}.
 */
public interface TimelineStore {

    /** The largest page {@link #before} and {@link #after} return. */
    int MAX_LIMIT = 1000;

    /**
     * Stores the entry unless an entry with the same (room, ID) exists. Never overwrites.
     *
     * @return {@link AppendResult#STORED} if it was new, {@link AppendResult#DUPLICATE} if the
     *         same (room, ID) was already stored (compare with {@link #get} to tell a retry from a clash)
     */
    CompletableFuture<AppendResult> append(Entry entry);

    /**
     * Appends {@code deletionEvent} and erases the content of message {@code target} in the same
     * durable step. Idempotent: a repeated call leaves one deletion event and one erased message.
     */
    CompletableFuture<Void> delete(RoomId roomId, MessageId target, Entry deletionEvent);

    Optional<Entry> get(RoomId roomId, MessageId id);

    /** Up to {@code limit} entries older than {@code before} (all if null), newest first. */
    List<Entry> before(RoomId roomId, MessageId before, int limit);

    /** Up to {@code limit} entries newer than {@code after}, oldest first. */
    List<Entry> after(RoomId roomId, MessageId after, int limit);

    /** The newest entry of the room, if it has any. */
    Optional<Entry> latest(RoomId roomId);

    /**
     * How many not-deleted {@code MESSAGE} entries newer than {@code after} (all if null) were sent
     * by someone other than {@code reader}, counting no further than {@code cap}.
     */
    int countUnread(RoomId roomId, MessageId after, UserId reader, int cap);
}
