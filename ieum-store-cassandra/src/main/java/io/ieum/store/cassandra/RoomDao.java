package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.RoomsTable.*;

import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Room;
import io.ieum.core.model.RoomKind;

/**
 * {@link RoomsTable}. Creating is {@code INSERT ... IF NOT EXISTS}: "an existing ID leaves the stored
 * room unchanged" is insert-if-absent, and rooms are created rarely enough to afford Paxos.
 */
final class RoomDao {

    private final Cql cql;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement select;

    RoomDao(Cql cql) {
        this.cql = cql;
        this.insertIfAbsent = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", ROOM_ID, KIND, ROOM_NAME,
                OWNER, CREATED_AT) + ") VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        this.select = cql.prepare("SELECT " + String.join(", ", ROOM_ID, KIND, ROOM_NAME, OWNER, CREATED_AT)
                + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ?");
    }

    void insertIfAbsent(Room room) {
        // Retrying is harmless: a second try finds the row and changes nothing.
        cql.execute(insertIfAbsent.bind(room.id().uuid(), room.kind().name(), room.name(), room.owner().uuid(),
                room.createdAt()));
    }

    Optional<Room> get(RoomId id) {
        Row row = cql.execute(select.bind(id.uuid())).one();
        if (row == null || row.isNull(KIND)) {
            return Optional.empty();
        }
        return Optional.of(new Room(new RoomId(row.getUuid(ROOM_ID)), RoomKind.valueOf(row.getString(KIND)),
                row.getString(ROOM_NAME), new UserId(row.getUuid(OWNER)), row.getInstant(CREATED_AT)));
    }
}
