package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Contended claimers must spread out over more than a Paxos round, growing with each collision. */
class PaxosBackOffTest {

    @Test
    void theSpreadShouldDoubleFromFiftyMillisecondsUpToOneSecond() {
        List<Long> bounds = new ArrayList<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            bounds.add(PaxosBackOff.millis(attempt, bound -> bound));
        }

        assertThat(bounds).containsExactly(50L, 100L, 200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L);
    }

    @Test
    void thePauseShouldBeDrawnBelowTheBound() {
        assertThat(PaxosBackOff.millis(3, bound -> bound - 1)).isEqualTo(199);
        assertThat(PaxosBackOff.millis(1, bound -> 0)).isZero();
    }

    @Test
    void allTenUsernameClaimAttemptsShouldLeaveClaimersSecondsToSpreadOut() {
        long total = 0;
        for (int attempt = 1; attempt < UsernameDao.CLAIM_ATTEMPTS; attempt++) {
            total += PaxosBackOff.millis(attempt, bound -> bound);
        }

        assertThat(total).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void everyLightweightTransactionAttemptShouldLeaveProposersSecondsToSpreadOut() {
        long total = 0;
        for (int attempt = 1; attempt < Lwt.ATTEMPTS; attempt++) {
            total += PaxosBackOff.millis(attempt, bound -> bound);
        }

        assertThat(total).isGreaterThanOrEqualTo(5_000);
    }
}
