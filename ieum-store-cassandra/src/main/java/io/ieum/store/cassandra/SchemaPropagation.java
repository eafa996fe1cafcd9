package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;

/**
 * Runs a statement on a table created a moment ago, again while some replica does not know the
 * table yet. The driver's schema agreement check compares the schema versions the coordinator has
 * heard of by gossip, which can be stale: on a quiet machine a fresh three-site cluster answered the
 * first QUORUM read of {@code schema_migrations} with a {@link ReadFailureException}, a replica
 * having failed it with "Unknown CF" (2026-11-26, `ieum cluster up`).
 */
final class SchemaPropagation {

    private static final Logger log = LoggerFactory.getLogger(SchemaPropagation.class);

    /** Pauses between tries; a test passes one that does not sleep. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    static final Duration PAUSE = Duration.ofMillis(250);
    static final Duration LIMIT = Duration.ofSeconds(30);

    private SchemaPropagation() {}

    static <T> T retry(String what, Supplier<T> statement) {
        return retry(what, statement, LIMIT, d -> Thread.sleep(d.toMillis()));
    }

    /** Runs {@code statement}; on a replica's read or write failure tries again every {@link #PAUSE} until {@code limit}. */
    static <T> T retry(String what, Supplier<T> statement, Duration limit, Pause pause) {
        requireNonNull(what, "what");
        long tries = Math.max(1, limit.toMillis() / PAUSE.toMillis());
        for (long attempt = 1; ; attempt++) {
            try {
                return statement.get();
            } catch (ReadFailureException | WriteFailureException replicaFailed) {
                if (attempt >= tries) {
                    throw replicaFailed;
                }
                log.info("{}: a replica failed ({}); the new schema may not have reached it yet, trying again",
                        what, replicaFailed.getMessage());
                try {
                    pause.pause(PAUSE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw replicaFailed;
                }
            }
        }
    }
}
