package io.ieum.store.sqlite;

import static io.ieum.store.sqlite.Statements.one;
import static io.ieum.store.sqlite.Statements.update;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.ieum.core.channel.BookingCalendar;
import io.ieum.core.id.ChannelId;
import io.ieum.core.store.ChannelCodecs;

/** The {@code calendars} table: one row per channel, replaced as a whole. */
final class CalendarDao {

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE calendars (channel_id BLOB NOT NULL PRIMARY KEY, zone TEXT NOT NULL, slot_minutes INTEGER NOT NULL, "
                    + "hours TEXT NOT NULL, staff TEXT NOT NULL) WITHOUT ROWID");

    void put(SqlConnection c, BookingCalendar cal) throws SQLException {
        update(c, "INSERT OR REPLACE INTO calendars (channel_id, zone, slot_minutes, hours, staff) VALUES (?, ?, ?, ?, ?)",
                cal.channelId().uuid(), cal.zone().getId(), cal.slotMinutes(), cal.hoursText(), ChannelCodecs.users(cal.staff()));
    }

    Optional<BookingCalendar> get(SqlConnection c, ChannelId channel) throws SQLException {
        return one(c, row -> new BookingCalendar(channel, ZoneId.of(row.getString("zone")), row.getInt("slot_minutes"),
                        BookingCalendar.parseHours(row.getString("hours")), ChannelCodecs.users(row.getString("staff"))),
                "SELECT * FROM calendars WHERE channel_id = ?", channel.uuid());
    }
}
