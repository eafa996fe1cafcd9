package io.ieum.store.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * The schema, in code: numbered steps applied in order at open and recorded in
 * {@code schema_migrations}. Step 1 is the whole initial layout; later changes append steps, never
 * edit old ones.
 *
 * <p>Schema changes are not coordinated between servers: two servers opening an empty keyspace at the
 * same moment may race on {@code CREATE TABLE}. Deployments apply migrations from one process first
 * (the first server, or a deploy step) before starting the others.
 */
final class CassandraMigrations {

    static final String TABLE = "schema_migrations";
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(CassandraMigrations.class);

    /**
     * A coordinator asks one other replica for a QUORUM read; if that replica's site just died (no
     * TCP reset after a network cut, or before gossip convicts it, ~10 s), the default {@code 99p}
     * waits for the table's p99 — which the dead replica itself drags up. Capping it at 100 ms bounds
     * the wait to 100 ms plus one round trip to the third site (ADR 0009).
     */
    static final String SPECULATIVE_RETRY = "MIN(99p,100ms)";

    static final List<Migration> STEPS = List.of(
            new Migration(1, "accounts, sessions, contacts, rooms, members, timeline, reads, blobs", List.of(
                    AccountsTable.CREATE,
                    UsernamesTable.CREATE,
                    SessionsByTokenTable.CREATE,
                    SessionsByUserTable.CREATE,
                    ContactsTable.CREATE,
                    RoomsTable.CREATE,
                    MembersByRoomTable.CREATE,
                    RoomsByUserTable.CREATE,
                    TimelineTable.CREATE,
                    TimelineBucketsTable.CREATE,
                    ReadsTable.CREATE,
                    BlobChunksTable.CREATE,
                    BlobMetaTable.CREATE,
                    UploadsTable.CREATE)),
            new Migration(2, "reads speculate to another replica after at most 100 ms",
                    speculativeRetry(coreTables())),
            new Migration(3, "business channels: channels, staff, catalogue, followers, conversations, announcements, "
                    + "orders, calendars, slots, bookings (ADR 0010)", concat(ChannelTables.CREATE,
                    speculativeRetry(ChannelTables.NAMES))),
            new Migration(4, "orders each in their own partition, the board as an index; step 3's orders copied (ADR 0016)",
                    concat(OrderTables.CREATE, speculativeRetry(OrderTables.NAMES)), OrderLayoutUpgrade::copy),
            new Migration(5, "booking creates begun, for late resends (ADR 0016)",
                    concat(List.of(BookingAttemptsTable.CREATE), speculativeRetry(BookingAttemptsTable.NAMES))));

    /** The schema version of a keyspace with every step applied. */
    static final int LATEST = STEPS.get(STEPS.size() - 1).version();

    private CassandraMigrations() {}

    /**
     * Creates the keyspace if needed, then applies every step not yet recorded. Returns the schema version.
     *
     * <p>The driver's schema metadata is off meanwhile: with it on, every DDL statement also waited for
     * a metadata refresh behind the driver's 1 s debounce window and then read every schema table —
     * ~1.4 s a statement, ~85 s for the ~65 statements of an empty keyspace on the shared 2-core
     * machine (ADR 0017). The tables a step creates are created together, then its other changes,
     * each such wave followed by a wait for schema agreement ({@link SchemaWave}, ADR 0020): one at
     * a time, each waited for its own agreement (~60 s for an empty keyspace). The metadata is
     * switched back on and refreshed once at the end, before any request is routed. A keyspace with
     * every step recorded (every open but the first) is left alone: no DDL at all.
     */
    static int apply(CqlSession session, CassandraConfig config) {
        if (existingTables(session, config.keyspace()).contains(TABLE) && appliedSteps(session, config.keyspace())
                .containsAll(STEPS.stream().map(Migration::version).toList())) {
            return LATEST; // the usual open: nothing to change, and the session's metadata is already current
        }
        session.setSchemaMetadataEnabled(false);
        try {
            return applySteps(session, config);
        } finally {
            restoreSchemaMetadata(session);
        }
    }

    /** Back to the configured value (on), which refreshes the whole schema once, now; waited for, but not vital. */
    private static void restoreSchemaMetadata(CqlSession session) {
        try {
            session.setSchemaMetadataEnabled(null).toCompletableFuture().get(DDL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Token-aware routing waits for the next refresh (the driver also refreshes on schema events).
            log.warn("Schema metadata not refreshed after the migrations: {}", e.toString());
        }
    }

    private static int applySteps(CqlSession session, CassandraConfig config) {
        String keyspace = config.keyspace();
        ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication(config.replication())
                + " AND durable_writes = true");
        ddl(session, "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TABLE
                + " (version int PRIMARY KEY, description text, applied_at timestamp)");
        Set<Integer> applied = appliedSteps(session, keyspace);
        List<Migration> pending = STEPS.stream().filter(step -> !applied.contains(step.version())).toList();
        List<List<String>> statements = FoldedSteps.of(pending, existingTables(session, keyspace));
        for (int i = 0; i < pending.size(); i++) {
            Migration step = pending.get(i);
            log.info("Applying schema step {} to {}: {}", step.version(), keyspace, step.description());
            List<String> cql = statements.get(i).stream().map(statement -> statement.replace("{ks}", keyspace)).toList();
            // Tables first, then whatever builds on them (an ALTER, or an index should a step ever add one).
            SchemaWave.run(session, cql.stream().filter(CassandraMigrations::createsTable).toList(), DDL_TIMEOUT);
            SchemaWave.run(session, cql.stream().filter(statement -> !createsTable(statement)).toList(), DDL_TIMEOUT);
            step.data().run(new Cql(session, keyspace, Runnable::run));
            SimpleStatement record = SimpleStatement.newInstance("INSERT INTO " + keyspace + "." + TABLE
                            + " (version, description, applied_at) VALUES (?, ?, ?)",
                    step.version(), step.description(), Instant.now()).setTimeout(DDL_TIMEOUT);
            SchemaPropagation.retry("recording schema step " + step.version(), () -> session.execute(record));
        }
        return LATEST;
    }

    /** The steps recorded in the keyspace's {@link #TABLE}, which must exist. */
    private static Set<Integer> appliedSteps(CqlSession session, String keyspace) {
        Set<Integer> applied = new HashSet<>();
        SimpleStatement read = SimpleStatement.newInstance("SELECT version FROM " + keyspace + "." + TABLE)
                .setTimeout(DDL_TIMEOUT);
        for (Row row : SchemaPropagation.retry("reading " + TABLE, () -> session.execute(read).all())) {
            applied.add(row.getInt(0));
        }
        return applied;
    }

    /** The keyspace's tables as the coordinator's schema has them (a node-local read). */
    private static Set<String> existingTables(CqlSession session, String keyspace) {
        SimpleStatement read = SimpleStatement.newInstance(
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace).setTimeout(DDL_TIMEOUT);
        Set<String> tables = new HashSet<>();
        for (Row row : session.execute(read)) {
            tables.add(row.getString(0));
        }
        return tables;
    }

    private static List<String> speculativeRetry(List<String> tables) {
        return tables.stream()
                .map(table -> "ALTER TABLE {ks}." + table + " WITH speculative_retry = '" + SPECULATIVE_RETRY + "'")
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** Every table of the schema. */
    static List<String> tables() {
        return concat(concat(concat(coreTables(), ChannelTables.NAMES), OrderTables.NAMES), BookingAttemptsTable.NAMES);
    }

    private static List<String> coreTables() {
        return List.of(AccountsTable.NAME, UsernamesTable.NAME, SessionsByTokenTable.NAME, SessionsByUserTable.NAME,
                ContactsTable.NAME, RoomsTable.NAME, MembersByRoomTable.NAME, RoomsByUserTable.NAME, TimelineTable.NAME,
                TimelineBucketsTable.NAME, ReadsTable.NAME, BlobChunksTable.NAME, BlobMetaTable.NAME, UploadsTable.NAME);
    }

    static String replication(Map<String, Integer> perDatacenter) {
        return perDatacenter.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
    }

    /**
     * Not idempotent for the driver: no speculative execution, no retry on another node. A CREATE TABLE
     * slower than the 500 ms speculative delay was also sent to the next site, which created the table
     * a second time with its own table ID before the first reached it (Cassandra's logs under load, ADR 0017).
     */
    static SimpleStatement ddlStatement(String cql) {
        return SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT).setIdempotent(false);
    }

    /** Only new tables go in one wave: nothing else a step sends can stand before its table exists. */
    private static boolean createsTable(String cql) {
        return cql.startsWith("CREATE TABLE");
    }

    /** One schema change, agreed by every node before the next builds on it. */
    private static void ddl(CqlSession session, String cql) {
        SchemaWave.run(session, List.of(cql), DDL_TIMEOUT);
    }
}
