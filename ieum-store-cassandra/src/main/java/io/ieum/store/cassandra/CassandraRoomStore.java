package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;
import io.ieum.core.store.RoomStore;

/**
 * Rooms and memberships. A membership is two rows (room → user, user → room) written together in a
 * logged batch: the batch log makes sure both sides land even if the coordinator dies half-way.
 */
final class CassandraRoomStore implements RoomStore {

    private final Cql cql;
    private final RoomDao rooms;
    private final MemberDao members;
    private final RoomsByUserDao roomsByUser;

    CassandraRoomStore(Cql cql) {
        this.cql = cql;
        this.rooms = new RoomDao(cql);
        this.members = new MemberDao(cql);
        this.roomsByUser = new RoomsByUserDao(cql);
    }

    @Override
    public void create(Room room) {
        rooms.insertIfAbsent(requireNonNull(room, "room"));
    }

    @Override
    public Optional<Room> room(RoomId id) {
        return rooms.get(requireNonNull(id, "id"));
    }

    @Override
    public void addMember(Member member) {
        requireNonNull(member, "member");
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                members.insert(member), roomsByUser.insert(member.userId(), member.roomId())));
    }

    @Override
    public boolean removeMember(RoomId roomId, UserId userId) {
        requireNonNull(roomId, "roomId");
        requireNonNull(userId, "userId");
        boolean wasMember = members.get(roomId, userId).isPresent();
        cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                members.delete(roomId, userId), roomsByUser.delete(userId, roomId)));
        return wasMember;
    }

    @Override
    public Optional<Member> member(RoomId roomId, UserId userId) {
        return members.get(requireNonNull(roomId, "roomId"), requireNonNull(userId, "userId"));
    }

    @Override
    public List<Member> members(RoomId roomId) {
        return members.list(requireNonNull(roomId, "roomId"));
    }

    @Override
    public List<RoomId> roomsOf(UserId userId) {
        return roomsByUser.roomsOf(requireNonNull(userId, "userId"));
    }
}
