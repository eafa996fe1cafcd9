package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;

import io.ieum.core.store.StorageBusyException;

/**
 * The session, plus the one place that turns a saturated driver, or a cluster that cannot reach a
 * majority of sites, into {@link StorageBusyException} (503 and "retry", never a 500).
 */
final class Cql {

    private final CqlSession session;
    private final String keyspace;
    private final Executor callbacks;

    /**
     * @param callbacks completes the futures this backend returns. Not the driver's I/O threads: a
     *                  caller's continuation may call the store synchronously (the send path reads
     *                  the stored entry after a DUPLICATE), and the driver refuses synchronous calls
     *                  on its own threads ("could deadlock") — every retried send then failed.
     */
    Cql(CqlSession session, String keyspace, Executor callbacks) {
        this.session = requireNonNull(session, "session");
        this.keyspace = requireNonNull(keyspace, "keyspace");
        this.callbacks = requireNonNull(callbacks, "callbacks");
    }

    String keyspace() {
        return keyspace;
    }

    CqlSession session() {
        return session;
    }

    /** Prepares once; {@code {ks}} in the text stands for the keyspace. */
    PreparedStatement prepare(String cql) {
        return session.prepare(cql.replace("{ks}", keyspace));
    }

    ResultSet execute(Statement<?> statement) {
        try {
            return executeSettling(statement);
        } catch (DriverException e) {
            throw StorageFailures.unavailable(e).orElseThrow(() -> e);
        }
    }

    /**
     * Like {@link #execute}, but timeouts and unknown outcomes reach the caller as the driver's own
     * exceptions: for a caller that settles them itself (the username claim's SERIAL read).
     */
    ResultSet executeSettling(Statement<?> statement) {
        try {
            return session.execute(statement);
        } catch (RequestThrottlingException e) {
            throw busy(e);
        }
    }

    CompletableFuture<AsyncResultSet> executeAsync(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture().handleAsync((result, error) -> {
            if (error == null) {
                return result;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RequestThrottlingException e) {
                throw busy(e);
            }
            if (cause instanceof DriverException e && StorageFailures.unavailable(e).isPresent()) {
                throw StorageFailures.unavailable(e).get();
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }, callbacks);
    }

    CompletableFuture<Void> executeAsyncVoid(Statement<?> statement) {
        return executeAsync(statement).thenApply(ignored -> null);
    }

    /** Waits for {@code future}; its failure reaches the caller as thrown, not wrapped (busy stays a 503). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static StorageBusyException busy(DriverException e) {
        return new StorageBusyException("cassandra: too many requests in flight (" + e.getMessage() + ")");
    }
}
