package io.ieum.store.cassandra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;

/** Records every statement the driver completed, with the consistency levels it really ran at. */
final class RecordingRequestTracker implements RequestTracker {

    record Executed(String cql, ConsistencyLevel consistency, ConsistencyLevel serialConsistency) {}

    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    List<Executed> executed() {
        return List.copyOf(executed);
    }

    void clear() {
        executed.clear();
    }

    @Override
    public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node, String prefix) {
        record(request, profile);
    }

    @Override
    public void onError(Request request, Throwable error, long latencyNanos, DriverExecutionProfile profile, Node node,
                        String prefix) {
        record(request, profile);
    }

    private void record(Request request, DriverExecutionProfile profile) {
        if (!(request instanceof Statement<?> statement)) {
            return;
        }
        ConsistencyLevel cl = statement.getConsistencyLevel() != null ? statement.getConsistencyLevel()
                : DefaultConsistencyLevel.valueOf(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY));
        ConsistencyLevel serial = statement.getSerialConsistencyLevel() != null ? statement.getSerialConsistencyLevel()
                : DefaultConsistencyLevel.valueOf(profile.getString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY));
        String cql = cqlOf(statement);
        if (!emptiesTables(cql)) {
            executed.add(new Executed(cql, cl, serial));
        }
    }

    /**
     * The test extension's own looks and TRUNCATEs before each test, never the backend's: the driver may
     * report one after the test has cleared this list (its future completes first), as it did once with
     * the tier's test JVM on C1 (ADR 0021), and the test would count it as its own.
     */
    private static boolean emptiesTables(String cql) {
        return cql.startsWith("TRUNCATE ") || (cql.startsWith("SELECT * FROM ") && cql.endsWith(" LIMIT 1"));
    }

    private static String cqlOf(Statement<?> statement) {
        if (statement instanceof BoundStatement bound) {
            return bound.getPreparedStatement().getQuery();
        }
        if (statement instanceof SimpleStatement simple) {
            return simple.getQuery();
        }
        if (statement instanceof BatchStatement batch) {
            StringBuilder all = new StringBuilder("BATCH");
            batch.forEach(inner -> all.append("; ").append(cqlOf(inner)));
            return all.toString();
        }
        return statement.toString();
    }

    @Override
    public void close() {}
}
