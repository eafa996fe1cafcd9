package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.RoomsByUserTable.*;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/** {@link RoomsByUserTable}. */
final class RoomsByUserDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    RoomsByUserDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + USER_ID + ", " + ROOM_ID + ") VALUES (?, ?)");
        this.select = cql.prepare("SELECT " + ROOM_ID + " FROM {ks}." + NAME + " WHERE " + USER_ID + " = ?");
        this.delete = cql.prepare("DELETE FROM {ks}." + NAME + " WHERE " + USER_ID + " = ? AND " + ROOM_ID + " = ?");
    }

    BoundStatement insert(UserId userId, RoomId roomId) {
        return insert.bind(userId.uuid(), roomId.uuid());
    }

    BoundStatement delete(UserId userId, RoomId roomId) {
        return delete.bind(userId.uuid(), roomId.uuid());
    }

    List<RoomId> roomsOf(UserId userId) {
        List<RoomId> rooms = new ArrayList<>();
        for (Row row : cql.execute(select.bind(userId.uuid()))) {
            rooms.add(new RoomId(row.getUuid(ROOM_ID)));
        }
        return rooms;
    }
}
