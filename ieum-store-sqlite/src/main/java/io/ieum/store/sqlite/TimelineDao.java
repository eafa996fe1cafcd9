package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.store.TimeBuckets;

/**
 * The {@code timeline} table, keyed (room, bucket, id) like the Cassandra partition + clustering
 * key. The bucket is a function of the ID's timestamp, so (bucket, id) order is ID order and one
 * row-value range on the key pages through any number of buckets.
 */
final class TimelineDao {

    static final String TABLE = "timeline";
    static final String ROOM_ID = "room_id";
    static final String BUCKET = "bucket";
    static final String ID = "id";
    static final String SENDER = "sender";
    static final String KIND = "kind";
    static final String TEXT = "text";
    static final String REPLY_TO = "reply_to";
    static final String ATTACHMENTS = "attachments";
    static final String TARGET = "target";
    static final String DELETED = "deleted";

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE " + TABLE + " ("
                    + ROOM_ID + " BLOB NOT NULL, "
                    + BUCKET + " INTEGER NOT NULL, "
                    + ID + " BLOB NOT NULL, "
                    + SENDER + " BLOB NOT NULL, "
                    + KIND + " TEXT NOT NULL, "
                    + TEXT + " TEXT NOT NULL, "
                    + REPLY_TO + " BLOB, "
                    + ATTACHMENTS + " TEXT, "
                    + TARGET + " TEXT, "
                    + DELETED + " INTEGER NOT NULL, "
                    + "PRIMARY KEY (" + ROOM_ID + ", " + BUCKET + ", " + ID + ")) WITHOUT ROWID");

    private static final String COLUMNS = String.join(", ", ROOM_ID, BUCKET, ID, SENDER, KIND, TEXT, REPLY_TO,
            ATTACHMENTS, TARGET, DELETED);
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String KEY = ROOM_ID + " = ? AND " + BUCKET + " = ? AND " + ID + " = ?";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + KEY;
    private static final String NEWEST_FIRST = " ORDER BY " + BUCKET + " DESC, " + ID + " DESC LIMIT ?";
    private static final String OLDEST_FIRST = " ORDER BY " + BUCKET + ", " + ID + " LIMIT ?";
    private static final String SELECT_NEWEST = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ROOM_ID + " = ?"
            + NEWEST_FIRST;
    private static final String SELECT_BEFORE = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ROOM_ID + " = ?"
            + " AND (" + BUCKET + ", " + ID + ") < (?, ?)" + NEWEST_FIRST;
    private static final String SELECT_AFTER = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + ROOM_ID + " = ?"
            + " AND (" + BUCKET + ", " + ID + ") > (?, ?)" + OLDEST_FIRST;
    private static final String UNREAD = " AND " + KIND + " = '" + EntryKind.MESSAGE.name() + "' AND " + DELETED
            + " = 0 AND " + SENDER + " <> ? LIMIT ?)";
    private static final String COUNT_UNREAD_ALL = "SELECT COUNT(*) FROM (SELECT 1 FROM " + TABLE
            + " WHERE " + ROOM_ID + " = ?" + UNREAD;
    private static final String COUNT_UNREAD_AFTER = "SELECT COUNT(*) FROM (SELECT 1 FROM " + TABLE
            + " WHERE " + ROOM_ID + " = ? AND (" + BUCKET + ", " + ID + ") > (?, ?)" + UNREAD;
    private static final String ERASE = "UPDATE " + TABLE + " SET " + TEXT + " = '', " + ATTACHMENTS + " = NULL, "
            + DELETED + " = 1 WHERE " + KEY;

    /** Inserts unless (room, id) exists; returns whether a row was inserted. */
    boolean insertIfAbsent(SqlConnection connection, Entry entry) throws SQLException {
        PreparedStatement insert = connection.prepare(INSERT);
        Columns.setUuid(insert, 1, entry.roomId().uuid());
        insert.setLong(2, TimeBuckets.bucketOf(entry.id()));
        Columns.setUuid(insert, 3, entry.id().uuid());
        Columns.setUuid(insert, 4, entry.sender().uuid());
        insert.setString(5, entry.kind().name());
        insert.setString(6, entry.text());
        Columns.setUuid(insert, 7, entry.replyTo() == null ? null : entry.replyTo().uuid());
        Columns.setNullableText(insert, 8, AttachmentCodec.encode(entry.attachments()));
        Columns.setNullableText(insert, 9, entry.target());
        insert.setInt(10, entry.deleted() ? 1 : 0);
        return insert.executeUpdate() == 1;
    }

    /** Empties the text and attachments of a message and marks it deleted; no effect if absent. */
    void erase(SqlConnection connection, RoomId roomId, MessageId id) throws SQLException {
        PreparedStatement erase = connection.prepare(ERASE);
        bindKey(erase, 1, roomId, id);
        erase.executeUpdate();
    }

    Optional<Entry> get(SqlConnection connection, RoomId roomId, MessageId id) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_ONE);
        bindKey(select, 1, roomId, id);
        List<Entry> found = entries(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<Entry> before(SqlConnection connection, RoomId roomId, MessageId before, int limit) throws SQLException {
        PreparedStatement select;
        if (before == null) {
            select = connection.prepare(SELECT_NEWEST);
            Columns.setUuid(select, 1, roomId.uuid());
            select.setInt(2, limit);
        } else {
            select = connection.prepare(SELECT_BEFORE);
            bindKey(select, 1, roomId, before);
            select.setInt(4, limit);
        }
        return entries(select);
    }

    List<Entry> after(SqlConnection connection, RoomId roomId, MessageId after, int limit) throws SQLException {
        PreparedStatement select = connection.prepare(SELECT_AFTER);
        bindKey(select, 1, roomId, after);
        select.setInt(4, limit);
        return entries(select);
    }

    int countUnread(SqlConnection connection, RoomId roomId, MessageId after, UserId reader, int cap)
            throws SQLException {
        PreparedStatement count;
        int next;
        if (after == null) {
            count = connection.prepare(COUNT_UNREAD_ALL);
            Columns.setUuid(count, 1, roomId.uuid());
            next = 2;
        } else {
            count = connection.prepare(COUNT_UNREAD_AFTER);
            bindKey(count, 1, roomId, after);
            next = 4;
        }
        Columns.setUuid(count, next, reader.uuid());
        count.setInt(next + 1, cap);
        try (ResultSet row = count.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private static void bindKey(PreparedStatement statement, int first, RoomId roomId, MessageId id) throws SQLException {
        Columns.setUuid(statement, first, roomId.uuid());
        statement.setLong(first + 1, TimeBuckets.bucketOf(id));
        Columns.setUuid(statement, first + 2, id.uuid());
    }

    private static List<Entry> entries(PreparedStatement select) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(entry(row));
            }
        }
        return entries;
    }

    private static Entry entry(ResultSet row) throws SQLException {
        UUID replyTo = Columns.getUuid(row, REPLY_TO);
        return new Entry(new RoomId(Columns.getUuid(row, ROOM_ID)), new MessageId(Columns.getUuid(row, ID)),
                new UserId(Columns.getUuid(row, SENDER)), EntryKind.valueOf(row.getString(KIND)), row.getString(TEXT),
                replyTo == null ? null : new MessageId(replyTo), AttachmentCodec.decode(row.getString(ATTACHMENTS)),
                row.getString(TARGET), row.getInt(DELETED) != 0);
    }
}
