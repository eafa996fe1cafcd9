package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/** The {@code followers} table, indexed both ways. */
final class FollowerDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE followers (channel_id BLOB NOT NULL, user_id BLOB NOT NULL, since INTEGER NOT NULL, "
                    + "PRIMARY KEY (channel_id, user_id)) WITHOUT ROWID",
            "CREATE INDEX followers_by_user ON followers (user_id)");

    void follow(SqlConnection c, ChannelId channel, UserId user) throws SQLException {
        update(c, "INSERT INTO followers (channel_id, user_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                channel.uuid(), user.uuid(), Instant.now());
    }

    boolean unfollow(SqlConnection c, ChannelId channel, UserId user) throws SQLException {
        return update(c, "DELETE FROM followers WHERE channel_id = ? AND user_id = ?", channel.uuid(), user.uuid()) == 1;
    }

    List<UserId> followers(SqlConnection c, ChannelId channel) throws SQLException {
        return list(c, row -> new UserId(Columns.getUuid(row, "user_id")),
                "SELECT user_id FROM followers WHERE channel_id = ?", channel.uuid());
    }

    List<ChannelId> followedBy(SqlConnection c, UserId user) throws SQLException {
        return list(c, row -> new ChannelId(Columns.getUuid(row, "channel_id")),
                "SELECT channel_id FROM followers WHERE user_id = ?", user.uuid());
    }
}
