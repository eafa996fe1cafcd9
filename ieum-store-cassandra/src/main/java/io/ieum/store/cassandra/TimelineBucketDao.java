package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.TimelineBucketsTable.*;

import java.util.Iterator;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.RoomId;

/** {@link TimelineBucketsTable}: written (idempotently) before the first entry of a bucket can become visible. */
final class TimelineBucketDao {

    private static final int PAGE = 100;

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement newestFirst;
    private final PreparedStatement newestFirstAtMost;
    private final PreparedStatement newestFirstAtLeast;
    private final PreparedStatement oldestFirstAtLeast;

    TimelineBucketDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + ROOM_ID + ", " + BUCKET + ") VALUES (?, ?)");
        String select = "SELECT " + BUCKET + " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ?";
        this.newestFirst = cql.prepare(select);
        this.newestFirstAtMost = cql.prepare(select + " AND " + BUCKET + " <= ?");
        this.newestFirstAtLeast = cql.prepare(select + " AND " + BUCKET + " >= ?");
        this.oldestFirstAtLeast = cql.prepare(select + " AND " + BUCKET + " >= ? ORDER BY " + BUCKET + " ASC");
    }

    BoundStatement insert(RoomId roomId, long bucket) {
        return insert.bind(roomId.uuid(), bucket);
    }

    Iterator<Long> newestFirst(RoomId roomId) {
        return buckets(newestFirst.bind(roomId.uuid()));
    }

    Iterator<Long> newestFirstAtMost(RoomId roomId, long max) {
        return buckets(newestFirstAtMost.bind(roomId.uuid(), max));
    }

    Iterator<Long> newestFirstAtLeast(RoomId roomId, long min) {
        return buckets(newestFirstAtLeast.bind(roomId.uuid(), min));
    }

    Iterator<Long> oldestFirstAtLeast(RoomId roomId, long min) {
        return buckets(oldestFirstAtLeast.bind(roomId.uuid(), min));
    }

    private Iterator<Long> buckets(BoundStatement statement) {
        Iterator<Row> rows = cql.execute(statement.setPageSize(PAGE)).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Long next() {
                return rows.next().getLong(0);
            }
        };
    }
}
