package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;

import io.ieum.core.error.ErrorCode;

/** A cluster that cannot reach a majority answers "busy" with the reason; a bug stays a bug. */
class StorageFailuresTest {

    private static final ConsistencyLevel QUORUM = DefaultConsistencyLevel.QUORUM;

    @Test
    void anUnreachableQuorumShouldBeBusyAndSayHowManyReplicasAnswered() {
        var busy = StorageFailures.unavailable(new UnavailableException(null, QUORUM, 2, 1)).orElseThrow();

        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(busy.detail()).isEqualTo("storage: only 1 of 2 replicas needed for QUORUM are reachable"
                + " (expected: a majority of sites reachable; retry shortly with the same IDs, or on another site)");
    }

    @Test
    void aCoordinatorTimeoutShouldBeBusy() {
        var busy = StorageFailures.unavailable(new WriteTimeoutException(null, QUORUM, 1, 2, WriteType.SIMPLE)).orElseThrow();

        assertThat(busy.detail()).startsWith("storage: 1 of 2 replicas needed for QUORUM answered in time");
    }

    @Test
    void noNodeAnsweringShouldBeBusy() {
        assertThat(StorageFailures.unavailable(new DriverTimeoutException("Query timed out after PT5S"))).isPresent();
        assertThat(StorageFailures.unavailable(NoNodeAvailableException.fromErrors(java.util.Map.of()))).isPresent();
    }

    @Test
    void aConnectionLostMidRequestShouldBeBusy() {
        var busy = StorageFailures.unavailable(new ClosedConnectionException("Lost connection to remote peer")).orElseThrow();

        assertThat(busy.detail()).startsWith("storage: the connection to the coordinator was lost (ClosedConnectionException)");
    }

    @Test
    void aBadQueryShouldNotBeMistakenForAnOutage() {
        assertThat(StorageFailures.unavailable(new InvalidQueryException(null, "no such column"))).isEmpty();
    }
}
