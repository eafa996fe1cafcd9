package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.util.List;

import io.ieum.core.channel.Announcement;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.UserId;

/** The {@code announcements} table, written once per ID. */
final class AnnouncementDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE announcements (channel_id BLOB NOT NULL, id BLOB NOT NULL, author BLOB NOT NULL, text TEXT NOT NULL, "
                    + "PRIMARY KEY (channel_id, id)) WITHOUT ROWID");

    void insertIfAbsent(SqlConnection c, Announcement a) throws SQLException {
        update(c, "INSERT INTO announcements (channel_id, id, author, text) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                a.channelId().uuid(), a.id().uuid(), a.author().uuid(), a.text());
    }

    List<Announcement> newest(SqlConnection c, ChannelId channel, int limit) throws SQLException {
        return list(c, row -> new Announcement(new ChannelId(Columns.getUuid(row, "channel_id")),
                        new MessageId(Columns.getUuid(row, "id")), new UserId(Columns.getUuid(row, "author")), row.getString("text")),
                "SELECT * FROM announcements WHERE channel_id = ? ORDER BY id DESC LIMIT ?", channel.uuid(), limit);
    }
}
