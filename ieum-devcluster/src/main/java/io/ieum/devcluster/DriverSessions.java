package io.ieum.devcluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.time.Duration;

/**
 * Driver sessions configured the way Ieum talks to a multi-site cluster (design.md §5): the site's
 * own datacenter first, failover to the others, QUORUM everywhere, fast detection of a dead node.
 */
public final class DriverSessions {

    private DriverSessions() {}

    /** A session whose local datacenter is {@code site}'s, contacting that site's node. */
    public static CqlSession connect(SiteAddressing addressing, Site site) {
        return CqlSession.builder()
                .addContactPoint(addressing.cql(site))
                .withLocalDatacenter(site.datacenter())
                .withConfigLoader(multiSiteConfig(site).build())
                .build();
    }

    /**
     * As {@link #connect}, but without the driver's schema metadata and token map: opening it skips
     * reading every schema table (two keyspaces of ~35 tables here), which the ring checks that open
     * a session per site and poll ({@link PeerView}) and the catch-up sweep (reads {@code
     * system_schema} itself, routes nothing by token) do not need (ADR 0020).
     */
    public static CqlSession connectWithoutSchema(SiteAddressing addressing, Site site) {
        return CqlSession.builder()
                .addContactPoint(addressing.cql(site))
                .withLocalDatacenter(site.datacenter())
                .withConfigLoader(multiSiteConfig(site)
                        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                        .build())
                .build();
    }

    static ProgrammaticDriverConfigLoaderBuilder multiSiteConfig(Site site) {
        return DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, site.datacenter())
                // Default 0 means: when the local site is gone, fail every request.
                .withInt(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC, 2)
                // LOCAL_* levels would then silently succeed on another site's single replica.
                .withBoolean(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_ALLOW_FOR_LOCAL_CONSISTENCY_LEVELS, false)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "SERIAL")
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                // Defaults (30 s + 5 s) take 35 s to notice a frozen node.
                .withDuration(DefaultDriverOption.HEARTBEAT_INTERVAL, Duration.ofSeconds(3))
                .withDuration(DefaultDriverOption.HEARTBEAT_TIMEOUT, Duration.ofSeconds(2))
                // Three JVMs share two cores here: be patient with a busy node, quick to retry a dead one.
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2));
    }
}
