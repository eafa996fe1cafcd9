package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.ieum.core.channel.Channel;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/** The {@code channels} table; {@code name_folded} (lower-cased name) serves the search by name. */
final class ChannelDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE channels (id BLOB NOT NULL PRIMARY KEY, name TEXT NOT NULL, name_folded TEXT NOT NULL, "
                    + "description TEXT NOT NULL, opening_hours TEXT NOT NULL, contact TEXT NOT NULL, picture TEXT, "
                    + "owner BLOB NOT NULL, created_at INTEGER NOT NULL)");

    private static final String COLUMNS = "id, name, description, opening_hours, contact, picture, owner, created_at";

    void insertIfAbsent(SqlConnection c, Channel ch) throws SQLException {
        Statements.update(c, "INSERT INTO channels (" + COLUMNS + ", name_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                ch.id().uuid(), ch.name(), ch.description(), ch.openingHours(), ch.contact(), ch.picture(),
                ch.owner().uuid(), ch.createdAt(), fold(ch.name()));
    }

    void update(SqlConnection c, Channel ch) throws SQLException {
        Statements.update(c, "UPDATE channels SET name = ?, name_folded = ?, description = ?, opening_hours = ?, contact = ?, "
                        + "picture = ? WHERE id = ?", ch.name(), fold(ch.name()), ch.description(), ch.openingHours(),
                ch.contact(), ch.picture(), ch.id().uuid());
    }

    Optional<Channel> get(SqlConnection c, ChannelId id) throws SQLException {
        return one(c, ChannelDao::channel, "SELECT " + COLUMNS + " FROM channels WHERE id = ?", id.uuid());
    }

    List<Channel> search(SqlConnection c, String query, int limit) throws SQLException {
        return list(c, ChannelDao::channel, "SELECT " + COLUMNS + " FROM channels WHERE instr(name_folded, ?) > 0 "
                + "ORDER BY name_folded, id LIMIT ?", fold(query), limit);
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Channel channel(ResultSet row) throws SQLException {
        return new Channel(new ChannelId(Columns.getUuid(row, "id")), row.getString("name"), row.getString("description"),
                row.getString("opening_hours"), row.getString("contact"), row.getString("picture"),
                new UserId(Columns.getUuid(row, "owner")), Columns.getInstant(row, "created_at"));
    }
}
