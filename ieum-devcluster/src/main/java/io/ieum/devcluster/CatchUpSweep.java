package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Brings a returning site's node up to date, the dev cluster's stand-in for {@code nodetool repair}
 * (its nodes open no JMX): reads every row of every user keyspace at consistency {@code ALL}, page by
 * page, through that node. A read at ALL merges all three replicas and writes what one of them lacks
 * back to it before answering (blocking read repair), so once the sweep ends, every write that was
 * acknowledged before it began is on the returning node too (ADR 0012).
 *
 * <p>Paced by its own reads, so it cannot flood a starved node the way hint replay did; a page that
 * times out is read again from the same paging state until the deadline.
 */
public final class CatchUpSweep {

    static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_auth", "system_distributed",
            "system_schema", "system_traces", "system_views", "system_virtual_schema");
    static final int PAGE_SIZE = 500;
    /** Above the nodes' range_request_timeout (10 s), so a slow page fails on the server's terms. */
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    /** What one sweep read. */
    public record Result(int tables, long rows, int retriedPages, Duration took) {}

    private CatchUpSweep() {}

    /** Sweeps every user table through {@code session}; gives up with a {@link TimeoutException} after {@code timeout}. */
    public static Result run(CqlSession session, Duration timeout) throws TimeoutException {
        requireNonNull(session, "session");
        requireNonNull(timeout, "timeout");
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<String> tables = userTables(session);
        long rows = 0;
        int retried = 0;
        for (String table : tables) {
            SimpleStatement select = SimpleStatement.newInstance("SELECT * FROM " + table)
                    .setConsistencyLevel(ConsistencyLevel.ALL)
                    .setPageSize(PAGE_SIZE)
                    .setTimeout(PAGE_TIMEOUT)
                    .setIdempotent(true);
            ByteBuffer pagingState = null;
            do {
                ResultSet page = null;
                while (page == null) {
                    try {
                        page = session.execute(select.setPagingState(pagingState));
                    } catch (DriverException e) {
                        if (System.nanoTime() - deadline > 0) {
                            throw timeout(table, timeout, e);
                        }
                        retried++;
                        pause();
                    }
                }
                rows += page.getAvailableWithoutFetching();
                pagingState = page.getExecutionInfo().getPagingState();
                if (System.nanoTime() - deadline > 0 && pagingState != null) {
                    throw timeout(table, timeout, null);
                }
            } while (pagingState != null);
        }
        return new Result(tables.size(), rows, retried, Duration.ofNanos(System.nanoTime() - started));
    }

    static List<String> userTables(CqlSession session) {
        List<String> tables = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT keyspace_name, table_name FROM system_schema.tables")
                .setConsistencyLevel(ConsistencyLevel.ONE))) {
            String keyspace = row.getString("keyspace_name");
            if (!SYSTEM_KEYSPACES.contains(keyspace)) {
                tables.add(quote(keyspace) + "." + quote(row.getString("table_name")));
            }
        }
        return tables;
    }

    /** A failed page is usually an overloaded or not-yet-ready replica: give it a moment. */
    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the catch-up sweep", e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static TimeoutException timeout(String table, Duration timeout, DriverException cause) {
        TimeoutException e = new TimeoutException("catch-up sweep: not done within " + timeout + " (at table " + table
                + (cause == null ? "" : "; last error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()) + ")");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
