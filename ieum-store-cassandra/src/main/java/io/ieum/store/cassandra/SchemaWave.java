package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * Independent schema changes sent together, then one wait for schema agreement. One at a time, each
 * change waited ~1–2 s on the shared 2-core machine for its own agreement — the other nodes learn a
 * new schema version by gossip, once a second — so an empty keyspace's 34 changes took ~60 s
 * (ADR 0020). Sent together they share those waits. The coordinator still applies them one after
 * another (Cassandra 5.0 serialises schema changes on a node) and gives every table its ID, so
 * nothing conflicts; nothing builds on a wave before every node reports the same schema.
 */
final class SchemaWave {

    static final Duration AGREEMENT_POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(SchemaWave.class);

    private SchemaWave() {}

    /**
     * Sends every statement at once (none may depend on another), waits for all answers, then until
     * the nodes agree on the schema or {@code agreementTimeout} passes (logged: the statements that
     * follow retry a replica that does not know a table yet, {@link SchemaPropagation}).
     */
    static void run(CqlSession session, List<String> statements, Duration agreementTimeout) {
        requireNonNull(session, "session");
        requireNonNull(statements, "statements");
        requireNonNull(agreementTimeout, "agreementTimeout");
        if (statements.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> answers = statements.stream()
                .<CompletableFuture<?>>map(cql -> session.executeAsync(CassandraMigrations.ddlStatement(cql))
                        .toCompletableFuture())
                .toList();
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        awaitAgreement(session, agreementTimeout, statements);
    }

    private static void awaitAgreement(CqlSession session, Duration timeout, List<String> statements) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() - deadline > 0) {
                log.warn("No schema agreement within {} after {} schema changes, the first: {}",
                        timeout, statements.size(), statements.get(0));
                return;
            }
            try {
                Thread.sleep(AGREEMENT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for schema agreement", e);
            }
        }
    }
}
