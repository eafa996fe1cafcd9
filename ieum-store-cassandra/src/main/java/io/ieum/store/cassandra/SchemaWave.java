package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * Independent schema changes sent together, a few at a time, then one wait for schema agreement. One
 * at a time, each change waited ~1–2 s on the shared 2-core machine for its own agreement — the other
 * nodes learn a new schema version by gossip, once a second — so an empty keyspace's 34 changes took
 * ~60 s (ADR 0020). Sent together they share those waits. The coordinator still applies them one
 * after another (Cassandra 5.0 serialises schema changes on a node) and gives every table its ID, so
 * nothing conflicts; nothing builds on a wave before every node reports the same schema.
 *
 * <p>At most {@link #IN_FLIGHT} at once: the other nodes apply pushed changes one by one, slower than
 * the coordinator. With a step's sixteen tables sent at once under load, site 3 applied one change
 * fewer than site 2 and kept a different schema version until its delayed schema pull ~45 s later
 * (a 56 s stall in `cluster up`, 2026-11-26 21:12; likely a push that waited in its queue past the
 * 10 s request timeout and expired). A few at a time keep that queue short.
 */
final class SchemaWave {

    static final Duration AGREEMENT_POLL = Duration.ofMillis(200);
    static final int IN_FLIGHT = 4;
    private static final Logger log = LoggerFactory.getLogger(SchemaWave.class);

    private SchemaWave() {}

    /**
     * Sends the statements ({@link #IN_FLIGHT} at a time; none may depend on another), waits for all answers, then until
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
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (String cql : statements) {
            slots.acquireUninterruptibly();
            answers.add(session.executeAsync(CassandraMigrations.ddlStatement(cql)).toCompletableFuture()
                    .whenComplete((answer, failure) -> slots.release()));
        }
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
