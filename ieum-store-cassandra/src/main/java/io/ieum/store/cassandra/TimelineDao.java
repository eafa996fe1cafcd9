package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.TimelineTable.*;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.TupleValue;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.store.TimeBuckets;

/**
 * {@link TimelineTable}. Inserts and erases carry explicit timestamps ({@link WriteTimestamps}).
 * A row without a {@code kind} is the trace of an erase that arrived before its message: it is not
 * an entry, and every read skips it.
 */
final class TimelineDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement erase;
    private final PreparedStatement kindOf;
    private final PreparedStatement get;
    private final PreparedStatement newestFirst;
    private final PreparedStatement newestFirstBefore;
    private final PreparedStatement oldestFirst;
    private final PreparedStatement oldestFirstAfter;
    private final PreparedStatement unreadAll;
    private final PreparedStatement unreadAfter;

    TimelineDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + String.join(", ", ROOM_ID, BUCKET, ID, SENDER, KIND,
                TEXT, REPLY_TO, ATTACHMENTS, TARGET, DELETED) + ") VALUES (:" + ROOM_ID + ", :" + BUCKET + ", :" + ID + ", :"
                + SENDER + ", :" + KIND + ", :" + TEXT + ", :" + REPLY_TO + ", :" + ATTACHMENTS + ", :" + TARGET + ", :"
                + DELETED + ") USING TIMESTAMP :ts");
        this.erase = cql.prepare("UPDATE {ks}." + NAME + " USING TIMESTAMP ? SET " + TEXT + " = '', " + ATTACHMENTS
                + " = [], " + DELETED + " = true WHERE " + ROOM_ID + " = ? AND " + BUCKET + " = ? AND " + ID + " = ?");
        String key = " FROM {ks}." + NAME + " WHERE " + ROOM_ID + " = ? AND " + BUCKET + " = ?";
        this.kindOf = cql.prepare("SELECT " + KIND + key + " AND " + ID + " = ?");
        this.get = cql.prepare("SELECT " + ALL_COLUMNS + key + " AND " + ID + " = ?");
        this.newestFirst = cql.prepare("SELECT " + ALL_COLUMNS + key);
        this.newestFirstBefore = cql.prepare("SELECT " + ALL_COLUMNS + key + " AND " + ID + " < ?");
        this.oldestFirst = cql.prepare("SELECT " + ALL_COLUMNS + key + " ORDER BY " + ID + " ASC");
        this.oldestFirstAfter = cql.prepare("SELECT " + ALL_COLUMNS + key + " AND " + ID + " > ? ORDER BY " + ID + " ASC");
        String unread = "SELECT " + String.join(", ", SENDER, KIND, DELETED) + key;
        this.unreadAll = cql.prepare(unread);
        this.unreadAfter = cql.prepare(unread + " AND " + ID + " > ?");
    }

    BoundStatement insert(Entry e, long timestamp) {
        BoundStatementBuilder b = insert.boundStatementBuilder()
                .setUuid(ROOM_ID, e.roomId().uuid())
                .setLong(BUCKET, TimeBuckets.bucketOf(e.id()))
                .setUuid(ID, e.id().uuid())
                .setUuid(SENDER, e.sender().uuid())
                .setString(KIND, e.kind().name())
                .setString(TEXT, e.text())
                .setList(ATTACHMENTS, AttachmentCodec.encode(e.attachments()), TupleValue.class)
                .setBoolean(DELETED, e.deleted())
                .setLong("ts", timestamp);
        // Absent values stay unset: no tombstones for the common case.
        if (e.replyTo() != null) {
            b.setUuid(REPLY_TO, e.replyTo().uuid());
        }
        if (e.target() != null) {
            b.setString(TARGET, e.target());
        }
        return b.build();
    }

    BoundStatement erase(RoomId roomId, MessageId id, long timestamp) {
        return erase.bind(timestamp, roomId.uuid(), TimeBuckets.bucketOf(id), id.uuid());
    }

    BoundStatement kindOf(RoomId roomId, MessageId id) {
        return kindOf.bind(roomId.uuid(), TimeBuckets.bucketOf(id), id.uuid());
    }

    static boolean isEntry(Row row) {
        return row != null && !row.isNull(KIND);
    }

    Optional<Entry> get(RoomId roomId, MessageId id) {
        Row row = cql.execute(get.bind(roomId.uuid(), TimeBuckets.bucketOf(id), id.uuid())).one();
        return isEntry(row) ? Optional.of(entry(row)) : Optional.empty();
    }

    /** Newest first; only entries older than {@code before} if given. Stops adding at {@code limit}. */
    void newestFirst(RoomId roomId, long bucket, MessageId before, int limit, List<Entry> into) {
        BoundStatement statement = before == null
                ? newestFirst.bind(roomId.uuid(), bucket)
                : newestFirstBefore.bind(roomId.uuid(), bucket, before.uuid());
        collect(statement, limit, into);
    }

    /** Oldest first; only entries newer than {@code after} if given. Stops adding at {@code limit}. */
    void oldestFirst(RoomId roomId, long bucket, MessageId after, int limit, List<Entry> into) {
        BoundStatement statement = after == null
                ? oldestFirst.bind(roomId.uuid(), bucket)
                : oldestFirstAfter.bind(roomId.uuid(), bucket, after.uuid());
        collect(statement, limit, into);
    }

    /** Counts the not-deleted messages of others in one bucket (newer than {@code after} if given), up to {@code cap}. */
    int countUnread(RoomId roomId, long bucket, MessageId after, UUID reader, int cap) {
        BoundStatement statement = after == null
                ? unreadAll.bind(roomId.uuid(), bucket)
                : unreadAfter.bind(roomId.uuid(), bucket, after.uuid());
        int count = 0;
        for (Row row : cql.execute(statement.setPageSize(Math.max(10, Math.min(cap, 1000))))) {
            if (count >= cap) {
                break;
            }
            if (EntryKind.MESSAGE.name().equals(row.getString(KIND)) && !row.getBoolean(DELETED)
                    && !reader.equals(row.getUuid(SENDER))) {
                count++;
            }
        }
        return count;
    }

    private void collect(BoundStatement statement, int limit, List<Entry> into) {
        if (into.size() >= limit) {
            return;
        }
        ResultSet rows = cql.execute(statement.setPageSize(Math.max(10, Math.min(limit - into.size() + 1, 1000))));
        for (Row row : rows) {
            if (isEntry(row)) {
                into.add(entry(row));
                if (into.size() >= limit) {
                    return;
                }
            }
        }
    }

    static Entry entry(Row row) {
        UUID replyTo = row.getUuid(REPLY_TO);
        List<TupleValue> attachments = row.getList(ATTACHMENTS, TupleValue.class);
        return new Entry(new RoomId(row.getUuid(ROOM_ID)), new MessageId(row.getUuid(ID)), new UserId(row.getUuid(SENDER)),
                EntryKind.valueOf(row.getString(KIND)), row.isNull(TEXT) ? "" : row.getString(TEXT),
                replyTo == null ? null : new MessageId(replyTo),
                attachments == null ? List.of() : AttachmentCodec.decode(attachments),
                row.getString(TARGET), !row.isNull(DELETED) && row.getBoolean(DELETED));
    }
}
