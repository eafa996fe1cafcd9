package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.Ids;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Account;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;
import io.ieum.core.store.ReadStore;
import io.ieum.core.store.RoomStore;
import io.ieum.core.store.TimelineStore;

/** Direct and group rooms: opening, inviting, leaving, removing, and the per-user room list. */
public final class RoomService {

    public static final int UNREAD_CAP = 999;

    private final RoomStore rooms;
    private final TimelineStore timeline;
    private final ReadStore reads;
    private final AccountService accounts;
    private final ContactService contacts;
    private final Membership membership;
    private final EventSink events;
    private final Limits limits;
    private final Clock clock;

    public RoomService(RoomStore rooms, TimelineStore timeline, ReadStore reads, AccountService accounts,
                       ContactService contacts, Membership membership, EventSink events, Limits limits, Clock clock) {
        this.rooms = requireNonNull(rooms, "rooms");
        this.timeline = requireNonNull(timeline, "timeline");
        this.reads = requireNonNull(reads, "reads");
        this.accounts = requireNonNull(accounts, "accounts");
        this.contacts = requireNonNull(contacts, "contacts");
        this.membership = requireNonNull(membership, "membership");
        this.events = requireNonNull(events, "events");
        this.limits = requireNonNull(limits, "limits");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The direct room of the caller and {@code username}: the same room however often it is asked for. */
    public Room openDirect(AuthContext caller, String username) {
        Account other = accounts.byUsername(username);
        UserId me = caller.userId();
        if (other.id().equals(me)) {
            throw IeumException.invalid("username: '" + other.username() + "' (expected: someone other than yourself)");
        }
        if (contacts.hasBlocked(other.id(), me)) {
            throw new IeumException(ErrorCode.BLOCKED, "username: '" + other.username() + "' does not accept messages from you");
        }
        RoomId id = directRoomId(me, other.id());
        var existing = rooms.room(id);
        if (existing.isPresent()) {
            // The pair may have been removed as members by an earlier partial create; re-adding is idempotent.
            ensureDirectMembers(existing.get(), me, other.id());
            return existing.get();
        }
        Room room = new Room(id, RoomKind.DIRECT, "", me, clock.instant());
        rooms.create(room);
        Room stored = rooms.room(id).orElse(room);
        ensureDirectMembers(stored, me, other.id());
        return stored;
    }

    /** Direct room IDs are derived from the pair, so two sites asked at once make the same room. */
    public static RoomId directRoomId(UserId a, UserId b) {
        String low = Ids.compare(a.uuid(), b.uuid()) <= 0 ? a.toString() : b.toString();
        String high = low.equals(a.toString()) ? b.toString() : a.toString();
        return new RoomId(Ids.nameBased("ieum-direct:" + low + ":" + high));
    }

    public Room createGroup(AuthContext caller, String name, List<String> usernames) {
        String roomName = requireNonNull(name == null ? null : name.strip(), "name");
        if (roomName.isEmpty() || roomName.length() > Room.MAX_NAME) {
            throw IeumException.invalid("name: " + roomName.length() + " characters (expected: 1.." + Room.MAX_NAME + ")");
        }
        List<Account> invitees = resolveInvitees(caller, usernames == null ? List.of() : usernames);
        if (invitees.size() + 1 > limits.maxGroupMembers()) {
            throw new IeumException(ErrorCode.ROOM_FULL, "members: " + (invitees.size() + 1)
                    + " (expected: at most " + limits.maxGroupMembers() + ")");
        }
        Instant now = clock.instant();
        Room room = new Room(RoomId.random(), RoomKind.GROUP, roomName, caller.userId(), now);
        rooms.create(room);
        rooms.addMember(new Member(room.id(), caller.userId(), MemberRole.OWNER, now));
        for (Account invitee : invitees) {
            rooms.addMember(new Member(room.id(), invitee.id(), MemberRole.MEMBER, now));
        }
        membersChanged(room.id());
        appendEvent(room.id(), caller.userId(), EntryKind.ROOM_CREATED, roomName);
        for (Account invitee : invitees) {
            appendEvent(room.id(), caller.userId(), EntryKind.MEMBER_JOINED, invitee.id().toString());
        }
        return room;
    }

    public RoomDetails invite(AuthContext caller, RoomId roomId, List<String> usernames) {
        Room room = groupRoom(roomId);
        membership.requireMember(roomId, caller.userId());
        List<Account> invitees = resolveInvitees(caller, usernames);
        Set<UserId> current = membership.memberIds(roomId);
        List<Account> fresh = invitees.stream().filter(a -> !current.contains(a.id())).toList();
        if (current.size() + fresh.size() > limits.maxGroupMembers()) {
            throw new IeumException(ErrorCode.ROOM_FULL, "members: " + (current.size() + fresh.size())
                    + " (expected: at most " + limits.maxGroupMembers() + ")");
        }
        Instant now = clock.instant();
        for (Account invitee : fresh) {
            rooms.addMember(new Member(room.id(), invitee.id(), MemberRole.MEMBER, now));
        }
        membersChanged(roomId);
        for (Account invitee : fresh) {
            appendEvent(roomId, caller.userId(), EntryKind.MEMBER_JOINED, invitee.id().toString());
        }
        return details(caller, roomId);
    }

    public void leave(AuthContext caller, RoomId roomId) {
        groupRoom(roomId);
        membership.requireMember(roomId, caller.userId());
        // Announce first, so that the leaver's own devices receive the event too.
        appendEvent(roomId, caller.userId(), EntryKind.MEMBER_LEFT, caller.userId().toString());
        rooms.removeMember(roomId, caller.userId());
        membersChanged(roomId);
    }

    public void removeMember(AuthContext caller, RoomId roomId, UserId target) {
        Room room = groupRoom(roomId);
        membership.requireMember(roomId, caller.userId());
        if (!room.owner().equals(caller.userId())) {
            throw IeumException.forbidden("roomId: " + roomId + " (expected: a group you own)");
        }
        if (target.equals(caller.userId())) {
            throw IeumException.invalid("userId: " + target + " (expected: another member; to leave, use leave)");
        }
        if (!membership.memberIds(roomId).contains(target)) {
            throw IeumException.notFound("userId: " + target + " (expected: a member of the room)");
        }
        appendEvent(roomId, caller.userId(), EntryKind.MEMBER_REMOVED, target.toString());
        rooms.removeMember(roomId, target);
        membersChanged(roomId);
    }

    public RoomDetails details(AuthContext caller, RoomId roomId) {
        Room room = membership.requireRoomOf(roomId, caller.userId());
        return new RoomDetails(room, rooms.members(roomId), reads.positions(roomId));
    }

    /** The caller's rooms, most recently active first, each with its unread count and newest entry. */
    public List<RoomSummary> roomList(AuthContext caller) {
        UserId me = caller.userId();
        List<RoomSummary> list = new ArrayList<>();
        for (RoomId roomId : rooms.roomsOf(me)) {
            rooms.room(roomId).ifPresent(room -> list.add(summary(room, me)));
        }
        list.sort(Comparator.comparingLong(RoomSummary::lastActivityMillis).reversed()
                .thenComparing(s -> s.room().id().toString()));
        return list;
    }

    public RoomSummary summary(Room room, UserId reader) {
        Entry latest = timeline.latest(room.id()).orElse(null);
        MessageId position = reads.position(room.id(), reader).orElse(null);
        int unread = latest == null ? 0 : timeline.countUnread(room.id(), position, reader, UNREAD_CAP);
        return new RoomSummary(room, membership.memberIds(room.id()).size(), latest, unread);
    }

    /** Drops this node's cached members of the room and tells the other nodes to do the same. */
    private void membersChanged(RoomId roomId) {
        membership.invalidate(roomId);
        events.publish(List.of(), new LiveEvent.MembersChanged(roomId));
    }

    private Room groupRoom(RoomId roomId) {
        Room room = rooms.room(roomId).orElseThrow(() -> IeumException.notFound("roomId: " + roomId + " (expected: an existing room)"));
        if (room.kind() != RoomKind.GROUP) {
            throw IeumException.invalid("roomId: " + roomId + " is a direct room (expected: a group room)");
        }
        return room;
    }

    private void ensureDirectMembers(Room room, UserId a, UserId b) {
        Set<UserId> current = membership.memberIds(room.id());
        if (current.contains(a) && current.contains(b)) {
            return;
        }
        Instant now = clock.instant();
        rooms.addMember(new Member(room.id(), a, MemberRole.MEMBER, now));
        rooms.addMember(new Member(room.id(), b, MemberRole.MEMBER, now));
        membersChanged(room.id());
    }

    private List<Account> resolveInvitees(AuthContext caller, List<String> usernames) {
        if (usernames.size() > limits.maxGroupMembers()) {
            throw new IeumException(ErrorCode.ROOM_FULL, "usernames: " + usernames.size()
                    + " (expected: at most " + limits.maxGroupMembers() + ")");
        }
        Set<UserId> seen = new LinkedHashSet<>();
        List<Account> result = new ArrayList<>();
        for (String username : usernames) {
            Account invitee = accounts.byUsername(username);
            if (invitee.id().equals(caller.userId()) || !seen.add(invitee.id())) {
                continue;
            }
            if (contacts.hasBlocked(invitee.id(), caller.userId())) {
                throw new IeumException(ErrorCode.BLOCKED, "username: '" + invitee.username() + "' does not accept invitations from you");
            }
            result.add(invitee);
        }
        return result;
    }

    private void appendEvent(RoomId roomId, UserId actor, EntryKind kind, String target) {
        Entry event = Entry.event(roomId, MessageId.generate(), actor, kind, target);
        timeline.append(event).join();
        events.publish(membership.memberIds(roomId), new LiveEvent.EntryAdded(event));
    }
}
