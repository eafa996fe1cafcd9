package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;

import io.ieum.core.store.StorageBusyException;

/** The session, plus the one place that turns a saturated driver into {@link StorageBusyException}. */
final class Cql {

    private final CqlSession session;
    private final String keyspace;

    Cql(CqlSession session, String keyspace) {
        this.session = requireNonNull(session, "session");
        this.keyspace = requireNonNull(keyspace, "keyspace");
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
            return session.execute(statement);
        } catch (RequestThrottlingException e) {
            throw busy(e);
        }
    }

    CompletableFuture<AsyncResultSet> executeAsync(Statement<?> statement) {
        return session.executeAsync(statement).toCompletableFuture().handle((result, error) -> {
            if (error == null) {
                return result;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof RequestThrottlingException e) {
                throw busy(e);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    CompletableFuture<Void> executeAsyncVoid(Statement<?> statement) {
        return executeAsync(statement).thenApply(ignored -> null);
    }

    private static StorageBusyException busy(DriverException e) {
        return new StorageBusyException("cassandra: too many requests in flight (" + e.getMessage() + ")");
    }
}
