package io.ieum.store.cassandra;

import java.util.Optional;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;

import io.ieum.core.store.StorageBusyException;

/**
 * Which driver failures mean "not enough of the cluster answered" rather than a bug: a site cut off
 * from the others, a coordinator that timed out waiting for replicas, every node refusing. Nothing
 * of such a write may be counted as acknowledged; the caller retries with the same IDs, here or on
 * another site.
 */
final class StorageFailures {

    private StorageFailures() {}

    static Optional<StorageBusyException> unavailable(DriverException e) {
        String why;
        if (e instanceof UnavailableException u) {
            why = "only " + u.getAlive() + " of " + u.getRequired() + " replicas needed for " + u.getConsistencyLevel()
                    + " are reachable";
        } else if (e instanceof QueryConsistencyException q) {
            why = q.getReceived() + " of " + q.getBlockFor() + " replicas needed for " + q.getConsistencyLevel()
                    + " answered in time";
        } else if (e instanceof AllNodesFailedException || e instanceof DriverTimeoutException
                || e instanceof OverloadedException || e instanceof BootstrappingException) {
            why = "no node answered in time (" + e.getClass().getSimpleName() + ")";
        } else if (e instanceof ClosedConnectionException || e instanceof HeartbeatException) {
            // The coordinator's connection went away mid-request (a node killed or frozen).
            why = "the connection to the coordinator was lost (" + e.getClass().getSimpleName() + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(new StorageBusyException("storage: " + why
                + " (expected: a majority of sites reachable; retry shortly with the same IDs, or on another site)"));
    }
}
