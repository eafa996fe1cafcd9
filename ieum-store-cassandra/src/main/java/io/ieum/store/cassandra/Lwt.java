package io.ieum.store.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;

/**
 * Runs the lightweight transactions of the channel tables: Paxos at SERIAL (across sites, never
 * LOCAL_SERIAL), commit at QUORUM. A timeout of a lightweight transaction is an unknown outcome,
 * never a failure: the same statement is proposed again after a jittered, growing pause, and every
 * caller is written so that re-running finds its own earlier write (a slot held by the same
 * booking, a version already equal to the new one) and reads it as success. Still unknown after
 * every attempt, it reaches the caller as "busy" (503, retry with the same IDs), never as done.
 */
final class Lwt {

    /** Ten attempts leave contending proposers ~5 s of pauses to spread out ({@link PaxosBackOff}). */
    static final int ATTEMPTS = 10;

    private Lwt() {}

    static ResultSet execute(Cql cql, Statement<?> statement) {
        return withRetries(cql, statement.setConsistencyLevel(ConsistencyLevel.QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                // Re-run here, after a pause: the driver must not fan one proposal out to every node,
                // which only feeds the contention.
                .setIdempotent(false));
    }

    /**
     * A linearizable read (it first completes any proposal in progress, so under contention it can
     * time out like a write); read again until it answers.
     */
    static ResultSet serialRead(Cql cql, Statement<?> statement) {
        return withRetries(cql, statement.setConsistencyLevel(ConsistencyLevel.SERIAL));
    }

    private static ResultSet withRetries(Cql cql, Statement<?> lwt) {
        DriverException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                PaxosBackOff.pause(attempt, "lightweight transaction");
            }
            try {
                // Not cql.execute: that turns these timeouts into "busy" at once, and nothing would be retried.
                return cql.executeSettling(lwt);
            } catch (QueryConsistencyException | DriverTimeoutException | ClosedConnectionException | HeartbeatException
                     | AllNodesFailedException e) {
                // Any timeout of a Paxos round or of a SERIAL read (CAS write, read of the current value, commit).
                last = e;
            }
        }
        DriverException unknown = last;
        throw StorageFailures.unavailable(unknown).orElseThrow(() -> unknown);
    }
}
