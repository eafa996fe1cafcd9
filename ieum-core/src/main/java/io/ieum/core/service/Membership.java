package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class Membership {

    private static final int MAX_CACHED_ROOMS = 200_000;

    private final RoomStore rooms;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<RoomId, Snapshot> cache = new ConcurrentHashMap<>();

    public Membership(RoomStore rooms, Clock clock, Duration ttl) {
        this.rooms = requireNonNull(rooms, "rooms");
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
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
        Snapshot cached = cache.get(roomId);
        if (cached == null || !cached.freshAt(clock.instant(), ttl)) {
            return null;
        }
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
            return cached;
        }
        Room room = rooms.room(roomId)
                .orElseThrow(() -> IeumException.notFound("roomId: " + roomId + " (expected: an existing room)"));
        Set<UserId> members = rooms.members(roomId).stream().map(Member::userId).collect(Collectors.toUnmodifiableSet());
        Snapshot fresh = new Snapshot(room, members, now);
        if (cache.size() >= MAX_CACHED_ROOMS) {
            cache.clear();
        }
        cache.put(roomId, fresh);
        return fresh;
    }

    private record Snapshot(Room room, Set<UserId> members, Instant loadedAt) {

        /** The one freshness rule: a snapshot serves until {@code ttl} after it was loaded. */
        boolean freshAt(Instant now, Duration ttl) {
            return loadedAt.plus(ttl).isAfter(now);
        }
    }
}
