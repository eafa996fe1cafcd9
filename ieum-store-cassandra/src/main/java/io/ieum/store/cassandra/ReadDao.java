package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.ReadsTable.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/** {@link ReadsTable}: positions written at a timestamp derived from themselves, so the newest wins. */
final class ReadDao {

    private final Cql cql;
    private final PreparedStatement advance;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;

    ReadDao(Cql cql) {
        this.cql = cql;
        this.advance = cql.prepare("INSERT INTO {ks}." + NAME + " (" + ROOM_ID + ", " + USER_ID + ", " + POSITION
                + ") VALUES (?, ?, ?) USING TIMESTAMP ?");
        this.selectOne = cql.prepare("SELECT " + POSITION + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ? AND "
                + USER_ID + " = ?");
        this.selectAll = cql.prepare("SELECT " + USER_ID + ", " + POSITION + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ?");
    }

    BoundStatement advance(RoomId roomId, UserId userId, MessageId upTo) {
        return advance.bind(roomId.uuid(), userId.uuid(), upTo.uuid(), WriteTimestamps.position(upTo.uuid()));
    }

    Optional<MessageId> position(RoomId roomId, UserId userId) {
        Row row = cql.execute(selectOne.bind(roomId.uuid(), userId.uuid())).one();
        return row == null || row.isNull(POSITION) ? Optional.empty() : Optional.of(new MessageId(row.getUuid(POSITION)));
    }

    Map<UserId, MessageId> positions(RoomId roomId) {
        Map<UserId, MessageId> positions = new HashMap<>();
        for (Row row : cql.execute(selectAll.bind(roomId.uuid()))) {
            if (!row.isNull(POSITION)) {
                positions.put(new UserId(row.getUuid(USER_ID)), new MessageId(row.getUuid(POSITION)));
            }
        }
        return positions;
    }
}
