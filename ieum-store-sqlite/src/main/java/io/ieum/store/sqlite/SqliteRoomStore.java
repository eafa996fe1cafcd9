package io.ieum.store.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;
import io.ieum.core.store.RoomStore;

final class SqliteRoomStore implements RoomStore {

    private final SqliteWriter writer;
    private final ReadPool reads;
    private final RoomDao rooms = new RoomDao();
    private final MemberDao members = new MemberDao();

    SqliteRoomStore(SqliteWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void create(Room room) {
        requireNonNull(room, "room");
        writer.call(connection -> {
            rooms.insertIfAbsent(connection, room);
            return null;
        });
    }

    @Override
    public Optional<Room> room(RoomId id) {
        requireNonNull(id, "id");
        return reads.read(connection -> rooms.room(connection, id));
    }

    @Override
    public void addMember(Member member) {
        requireNonNull(member, "member");
        writer.call(connection -> {
            members.insertIfAbsent(connection, member);
            return null;
        });
    }

    @Override
    public boolean removeMember(RoomId roomId, UserId userId) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        return writer.call(connection -> members.delete(connection, roomId, userId));
    }

    @Override
    public Optional<Member> member(RoomId roomId, UserId userId) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        return reads.read(connection -> members.member(connection, roomId, userId));
    }

    @Override
    public List<Member> members(RoomId roomId) {
        requireNonNull(roomId, "roomId");
        return reads.read(connection -> members.members(connection, roomId));
    }

    @Override
    public List<RoomId> roomsOf(UserId userId) {
        requireNonNull(userId, "userId");
        return reads.read(connection -> members.roomsOf(connection, userId));
    }
}
