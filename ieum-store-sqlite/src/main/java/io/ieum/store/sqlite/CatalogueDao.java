package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.list;
import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.CatalogueItem;
import io.ieum.core.channel.ItemKind;
import io.ieum.core.id.ChannelId;
import io.ieum.core.id.ItemId;
import io.ieum.core.store.ChannelCodecs;

/** The {@code catalogue} table: one row per (channel, item), upserted. */
final class CatalogueDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE catalogue (channel_id BLOB NOT NULL, item_id BLOB NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, "
                    + "price INTEGER NOT NULL, options TEXT NOT NULL, duration_minutes INTEGER NOT NULL, "
                    + "available INTEGER NOT NULL, PRIMARY KEY (channel_id, item_id)) WITHOUT ROWID");

    void put(SqlConnection c, CatalogueItem i) throws SQLException {
        update(c, "INSERT OR REPLACE INTO catalogue (channel_id, item_id, kind, name, price, options, duration_minutes, available) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", i.channelId().uuid(), i.id().uuid(), i.kind().name(), i.name(),
                i.price(), ChannelCodecs.strings(i.options()), i.durationMinutes(), i.available());
    }

    Optional<CatalogueItem> get(SqlConnection c, ChannelId channel, ItemId item) throws SQLException {
        return one(c, CatalogueDao::item, "SELECT * FROM catalogue WHERE channel_id = ? AND item_id = ?",
                channel.uuid(), item.uuid());
    }

    List<CatalogueItem> of(SqlConnection c, ChannelId channel) throws SQLException {
        return list(c, CatalogueDao::item, "SELECT * FROM catalogue WHERE channel_id = ? ORDER BY item_id", channel.uuid());
    }

    private static CatalogueItem item(ResultSet row) throws SQLException {
        return new CatalogueItem(new ItemId(Columns.getUuid(row, "item_id")), new ChannelId(Columns.getUuid(row, "channel_id")),
                ItemKind.valueOf(row.getString("kind")), row.getString("name"), row.getLong("price"),
                ChannelCodecs.strings(row.getString("options")), row.getInt("duration_minutes"), row.getInt("available") == 1);
    }
}
