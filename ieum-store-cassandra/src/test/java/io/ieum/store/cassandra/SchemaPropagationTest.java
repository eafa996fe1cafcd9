package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;

class SchemaPropagationTest {

    private static final ConsistencyLevel QUORUM = DefaultConsistencyLevel.QUORUM;

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void aReplicaThatDoesNotKnowTheTableYetShouldBeAskedAgainUntilItDoes() {
        AtomicInteger calls = new AtomicInteger();

        String result = SchemaPropagation.retry("reading t", () -> {
            if (calls.incrementAndGet() <= 2) {
                throw unknownTable();
            }
            return "rows";
        }, Duration.ofSeconds(30), pauses::add);

        assertThat(result).isEqualTo("rows");
        assertThat(calls).hasValue(3);
        assertThat(pauses).containsExactly(SchemaPropagation.PAUSE, SchemaPropagation.PAUSE);
    }

    @Test
    void failuresPastTheLimitShouldSurface() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> SchemaPropagation.retry("reading t", () -> {
            calls.incrementAndGet();
            throw unknownTable();
        }, Duration.ofSeconds(1), pauses::add)).isInstanceOf(ReadFailureException.class);
        assertThat(calls).hasValue(4); // 1 s of 250 ms pauses
    }

    @Test
    void otherFailuresShouldNotBeRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> SchemaPropagation.retry("reading t", () -> {
            calls.incrementAndGet();
            throw new ReadTimeoutException(null, QUORUM, 1, 2, false);
        }, Duration.ofSeconds(30), pauses::add)).isInstanceOf(ReadTimeoutException.class);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    private static ReadFailureException unknownTable() {
        return new ReadFailureException(null, QUORUM, 1, 2, 1, false, Map.of());
    }
}
