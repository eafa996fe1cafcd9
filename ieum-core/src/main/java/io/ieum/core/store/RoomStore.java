package io.ieum.core.store;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;

/** Rooms and who is in them, readable from both sides: a room's members and a user's rooms. */
public interface RoomStore {

    /** Stores a room; storing a room with an existing ID leaves the stored one unchanged. */
    void create(Room room);

    Optional<Room> room(RoomId id);

    /** Adds or re-adds a member; adding an existing member again changes nothing. */
    void addMember(Member member);

    /** Removes a member; returns whether the user was a member. */
    boolean removeMember(RoomId roomId, UserId userId);

    Optional<Member> member(RoomId roomId, UserId userId);

    List<Member> members(RoomId roomId);

    /** IDs of the rooms the user is a member of, in no particular order. */
    List<RoomId> roomsOf(UserId userId);
}
