package io.ieum.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as numbered steps. At open, every step above the version recorded in
 * {@code schema_version} is applied in order, each in its own transaction together with its
 * version row, so a crash mid-way leaves a schema at some whole version. Reopening applies nothing.
 * New steps are appended; an applied step is never edited.
 */
final class Migrations {

    static final String VERSION_TABLE = "schema_version";

    private static final List<Migration> STEPS = List.of(
            new Migration(1, "accounts, sessions, contacts, rooms, members, timeline, reads, blobs, uploads",
                    concat(AccountDao.SCHEMA, SessionDao.SCHEMA, ContactDao.SCHEMA, RoomDao.SCHEMA,
                            MemberDao.SCHEMA, TimelineDao.SCHEMA, ReadDao.SCHEMA, BlobDao.SCHEMA, UploadDao.SCHEMA)),
            new Migration(2, "business channels: channels, staff, catalogue, followers, conversations, announcements, "
                    + "orders, calendars, slots, bookings (ADR 0010)",
                    concat(ChannelDao.SCHEMA, StaffDao.SCHEMA, CatalogueDao.SCHEMA, FollowerDao.SCHEMA, ConversationDao.SCHEMA,
                            AnnouncementDao.SCHEMA, OrderDao.SCHEMA, CalendarDao.SCHEMA, SlotDao.SCHEMA, BookingDao.SCHEMA)),
            new Migration(3, "an order ID names one order; order creates begun (ADR 0016)", OrderDao.SCHEMA_ONE_ID_ONE_ORDER),
            new Migration(4, "booking creates begun (ADR 0016)", List.of(CreateAttemptsDao.BOOKINGS.createTable())));

    private Migrations() {}

    static List<Migration> steps() {
        return STEPS;
    }

    static int latestVersion() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /** Applies the missing steps; returns how many were applied. */
    static int apply(SqlConnection connection) throws SQLException {
        connection.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
                + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        int current = currentVersion(connection);
        int applied = 0;
        for (Migration step : STEPS) {
            if (step.version() <= current) {
                continue;
            }
            connection.execute("BEGIN IMMEDIATE");
            try {
                for (String statement : step.statements()) {
                    connection.execute(statement);
                }
                PreparedStatement insert = connection.prepare(
                        "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)");
                insert.setInt(1, step.version());
                insert.setString(2, step.description());
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
                connection.execute("COMMIT");
                applied++;
            } catch (SQLException | RuntimeException e) {
                connection.execute("ROLLBACK");
                throw e;
            }
        }
        return applied;
    }

    static int currentVersion(SqlConnection connection) throws SQLException {
        try (ResultSet row = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM " + VERSION_TABLE).executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
