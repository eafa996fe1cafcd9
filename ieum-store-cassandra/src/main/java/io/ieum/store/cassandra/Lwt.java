package io.ieum.store.cassandra;

import java.util.concurrent.ThreadLocalRandom;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

/**
 * Runs the lightweight transactions of the channel tables: Paxos at SERIAL (across sites, never
 * LOCAL_SERIAL), commit at QUORUM. When Paxos cannot tell whether a proposal won (contention, a
 * timeout), the same statement is proposed again: every caller is written so that re-running finds
 * its own earlier write (a slot held by the same booking, a version already equal to the new one)
 * and reads it as success.
 */
final class Lwt {

    /** Measured: 16 claimers of one slot on a loaded 3-site test cluster still timed out after 8 tries. */
    static final int ATTEMPTS = 20;

    private Lwt() {}

    static ResultSet execute(Cql cql, Statement<?> statement) {
        return withRetries(cql, statement.setConsistencyLevel(ConsistencyLevel.QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
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
                backOff(attempt);
            }
            try {
                return cql.execute(lwt);
            } catch (CASWriteUnknownException | WriteTimeoutException | ReadTimeoutException | DriverTimeoutException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Jittered, growing pause so that contending proposers stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt + 1, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lightweight transaction interrupted", e);
        }
    }
}
