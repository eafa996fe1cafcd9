package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.MembersByRoomTable.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.MemberRole;

/** {@link MembersByRoomTable}. */
final class MemberDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;
    private final PreparedStatement delete;

    MemberDao(Cql cql) {
        this.cql = cql;
        String columns = String.join(", ", ROOM_ID, USER_ID, ROLE, JOINED_AT);
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + columns + ") VALUES (?, ?, ?, ?)");
        this.selectOne = cql.prepare("SELECT " + columns + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ? AND " + USER_ID + " = ?");
        this.selectAll = cql.prepare("SELECT " + columns + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ? AND " + USER_ID + " = ?");
    }

    BoundStatement insert(Member m) {
        return insert.bind(m.roomId().uuid(), m.userId().uuid(), m.role().name(), m.joinedAt());
    }

    BoundStatement delete(RoomId roomId, UserId userId) {
        return delete.bind(roomId.uuid(), userId.uuid());
    }

    Optional<Member> get(RoomId roomId, UserId userId) {
        Row row = cql.execute(selectOne.bind(roomId.uuid(), userId.uuid())).one();
        return row == null || row.isNull(ROLE) ? Optional.empty() : Optional.of(member(row));
    }

    List<Member> list(RoomId roomId) {
        List<Member> members = new ArrayList<>();
        for (Row row : cql.execute(selectAll.bind(roomId.uuid()))) {
            if (!row.isNull(ROLE)) {
                members.add(member(row));
            }
        }
        return members;
    }

    private static Member member(Row row) {
        return new Member(new RoomId(row.getUuid(ROOM_ID)), new UserId(row.getUuid(USER_ID)),
                MemberRole.valueOf(row.getString(ROLE)), row.getInstant(JOINED_AT));
    }
}
