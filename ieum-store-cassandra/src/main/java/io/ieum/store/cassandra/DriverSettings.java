package io.ieum.store.cassandra;

import java.time.Duration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.specex.ConstantSpeculativeExecutionPolicy;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;

/**
 * The driver settings every Ieum server uses (design.md §5), in code rather than in an
 * application.conf so that nobody can drop one by editing a file.
 */
final class DriverSettings {

    /** Requests in flight per server; more wait in the throttler's queue (bounded: then "busy"). */
    static final int MAX_CONCURRENT_REQUESTS = 256;
    static final int MAX_QUEUED_REQUESTS = 20_000;
    /**
     * A request still unanswered after this long is also sent to the next node of the plan (the
     * other sites when the local node is frozen or cut off): without it such a request waits for the
     * full request timeout, and every request does until the heartbeat gives up on the node.
     */
    static final Duration SPECULATIVE_DELAY = Duration.ofMillis(500);

    private DriverSettings() {}

    static DriverConfigLoader loader(CassandraConfig config) {
        return builder(config).build();
    }

    static ProgrammaticDriverConfigLoaderBuilder builder(CassandraConfig config) {
        return DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, config.localDatacenter())
                // The default, 0, means: when the local site is gone, every request fails.
                .withInt(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC, 2)
                // LOCAL_* levels would be satisfied by another site's replicas alone: never for our writes.
                .withBoolean(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_ALLOW_FOR_LOCAL_CONSISTENCY_LEVELS, false)
                // A write acknowledged at QUORUM survives the loss of any one site (design.md §2.1).
                // Protocol v5 frames of a contended lightweight transaction's CAS write timeout failed to decode
                // (driver 4.19 against Cassandra 5.0: "readerIndex(119) + length(2) exceeds writerIndex(119)"),
                // closing the connection; v4 reports it as a WriteTimeoutException (type CAS) that Lwt settles.
                .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "SERIAL")
                // Every statement of this backend is safe to re-execute (see package-info); the username claim
                // settles its own unknown outcomes instead (UsernameDao).
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, config.requestTimeout())
                // Only for idempotent statements, which is all but the username claim (ADR 0009).
                .withClass(DefaultDriverOption.SPECULATIVE_EXECUTION_POLICY_CLASS, ConstantSpeculativeExecutionPolicy.class)
                .withInt(DefaultDriverOption.SPECULATIVE_EXECUTION_MAX, 2)
                .withDuration(DefaultDriverOption.SPECULATIVE_EXECUTION_DELAY, SPECULATIVE_DELAY)
                // The defaults (30 s + 5 s) take 35 s to notice a frozen node; these at most 3 s. The interval
                // must not be below the timeout (the driver skips a heartbeat while one is in flight).
                .withDuration(DefaultDriverOption.HEARTBEAT_INTERVAL, Duration.ofSeconds(2))
                .withDuration(DefaultDriverOption.HEARTBEAT_TIMEOUT, Duration.ofSeconds(1))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, MAX_QUEUED_REQUESTS);
    }
}
