package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.util.List;

import io.ieum.core.channel.Conversation;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/** The {@code conversations} table: a channel's customer rooms, for the inbox. */
final class ConversationDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE conversations (channel_id BLOB NOT NULL, customer BLOB NOT NULL, room_id BLOB NOT NULL, "
                    + "PRIMARY KEY (channel_id, customer)) WITHOUT ROWID");

    void put(SqlConnection c, Conversation conversation) throws SQLException {
        update(c, "INSERT INTO conversations (channel_id, customer, room_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                conversation.channelId().uuid(), conversation.customer().uuid(), conversation.roomId().uuid());
    }

    List<Conversation> of(SqlConnection c, ChannelId channel) throws SQLException {
        return list(c, row -> new Conversation(new ChannelId(Columns.getUuid(row, "channel_id")),
                        new UserId(Columns.getUuid(row, "customer")), new RoomId(Columns.getUuid(row, "room_id"))),
                "SELECT * FROM conversations WHERE channel_id = ?", channel.uuid());
    }
}
