package io.ieum.store.cassandra;

import java.util.concurrent.ThreadLocalRandom;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

/**
 * Runs the lightweight transactions of the channel tables: Paxos at SERIAL (across sites, never
 * LOCAL_SERIAL), commit at QUORUM. When Paxos cannot tell whether a proposal won (contention, a
 * timeout), the same statement is proposed again: every caller is written so that re-running finds
 * its own earlier write (a slot held by the same booking, a version already equal to the new one)
 * and reads it as success.
 */
final class Lwt {

    static final int ATTEMPTS = 8;

    private Lwt() {}

    static ResultSet execute(Cql cql, Statement<?> statement) {
        Statement<?> lwt = statement.setConsistencyLevel(ConsistencyLevel.QUORUM)
                .setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
                .setIdempotent(false);
        DriverException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            try {
                return cql.execute(lwt);
            } catch (CASWriteUnknownException | WriteTimeoutException | DriverTimeoutException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Jittered, growing pause so that contending proposers stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lightweight transaction interrupted", e);
        }
    }
}
