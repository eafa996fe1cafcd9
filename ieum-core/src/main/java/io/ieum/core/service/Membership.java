package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;
import io.ieum.core.store.RoomStore;

/**
 * Who is in which room, asked on every send and every push. Caches each room's members briefly:
 * changes made through this node invalidate at once; changes made on another node are seen
 * within {@code ttl}.
 *
 * <p>A snapshot used when more than half its {@code ttl} old is reloaded in the background
 * ({@code refresher}), so that a room in steady use never expires: an expired room sends every
 * send of it, and every later frame of the same sockets, to a blocking thread that waits for two
 * storage reads, which take a second or more while this site's Cassandra is frozen or cut off.
 */
public final class Membership {

    private static final int MAX_CACHED_ROOMS = 200_000;
    private static final int REFRESH_THREADS = 2;
    private static final int REFRESH_QUEUE = 1_024;

    private final RoomStore rooms;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refreshAfter;
    private final Executor refresher;
    private final ConcurrentHashMap<RoomId, Snapshot> cache = new ConcurrentHashMap<>();
    private final Set<RoomId> refreshing = ConcurrentHashMap.newKeySet();

    /**
     * @param refresher runs the background reloads; one that never runs its tasks turns them off
     *                  (the snapshot then expires after {@code ttl} and is reloaded by the next caller)
     */
    public Membership(RoomStore rooms, Clock clock, Duration ttl, Executor refresher) {
        this.rooms = requireNonNull(rooms, "rooms");
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
        this.refreshAfter = ttl.dividedBy(2);
        this.refresher = requireNonNull(refresher, "refresher");
    }

    /**
     * A small pool of daemon threads for the background reloads. Bounded: a reload it cannot take
     * is skipped, and the room is then reloaded by its next caller once expired, as without it.
     */
    public static Executor backgroundRefresher() {
        return DaemonPool.bounded("membership-refresh", REFRESH_THREADS, REFRESH_QUEUE);
    }

    /** The room, if {@code user} is one of its members; otherwise a not-found or not-member failure. */
    public Room requireRoomOf(RoomId roomId, UserId user) {
        Snapshot snapshot = snapshot(roomId);
        if (!snapshot.members.contains(user)) {
            throw notMember(roomId);
        }
        return snapshot.room;
    }

    public void requireMember(RoomId roomId, UserId user) {
        requireRoomOf(roomId, user);
    }

    public Set<UserId> memberIds(RoomId roomId) {
        return snapshot(roomId).members;
    }

    public Room room(RoomId roomId) {
        return snapshot(roomId).room;
    }

    /**
     * The room and its members as cached, if fresh; null if finding them would read storage. Lets
     * a caller that must not wait (an event loop) decide whether it can go on by itself.
     */
    public Known cached(RoomId roomId) {
        Instant now = clock.instant();
        Snapshot cached = cache.get(roomId);
        if (cached == null || !cached.freshAt(now, ttl)) {
            return null;
        }
        refreshIfAged(roomId, cached, now);
        return new Known(cached.room, cached.members);
    }

    static IeumException notMember(RoomId roomId) {
        return new IeumException(ErrorCode.NOT_MEMBER, "roomId: " + roomId + " (expected: a room you are a member of)");
    }

    /** A room and its members, as {@link #cached} knew them. */
    public record Known(Room room, Set<UserId> members) {}

    public void invalidate(RoomId roomId) {
        cache.remove(roomId);
    }

    private Snapshot snapshot(RoomId roomId) {
        Instant now = clock.instant();
        Snapshot cached = cache.get(roomId);
        if (cached != null && cached.freshAt(now, ttl)) {
            refreshIfAged(roomId, cached, now);
            return cached;
        }
        Snapshot fresh = load(roomId, now);
        if (cache.size() >= MAX_CACHED_ROOMS) {
            cache.clear();
        }
        cache.put(roomId, fresh);
        return fresh;
    }

    private Snapshot load(RoomId roomId, Instant now) {
        Room room = rooms.room(roomId)
                .orElseThrow(() -> IeumException.notFound("roomId: " + roomId + " (expected: an existing room)"));
        Set<UserId> members = rooms.members(roomId).stream().map(Member::userId).collect(Collectors.toUnmodifiableSet());
        return new Snapshot(room, members, now);
    }

    /** Reloads {@code used} in the background if it is past half its life and no reload of it runs yet. */
    private void refreshIfAged(RoomId roomId, Snapshot used, Instant now) {
        if (used.loadedAt.plus(refreshAfter).isAfter(now) || !refreshing.add(roomId)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    // Dated before the read, as a caller's load is: a change made elsewhere is seen within ttl.
                    Snapshot fresh = load(roomId, clock.instant());
                    // Only over the snapshot it replaces: an invalidation meanwhile (a change made
                    // through this node) must not be undone by what was read before it.
                    cache.replace(roomId, used, fresh);
                } catch (RuntimeException e) {
                    // Storage unavailable or the room gone: the snapshot expires and its next caller reloads it.
                } finally {
                    refreshing.remove(roomId);
                }
            });
        } catch (RejectedExecutionException full) {
            refreshing.remove(roomId);
        }
    }

    private record Snapshot(Room room, Set<UserId> members, Instant loadedAt) {

        /** The one freshness rule: a snapshot serves until {@code ttl} after it was loaded. */
        boolean freshAt(Instant now, Duration ttl) {
            return loadedAt.plus(ttl).isAfter(now);
        }
    }
}
