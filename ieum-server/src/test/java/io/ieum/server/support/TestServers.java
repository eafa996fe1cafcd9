package io.ieum.server.support;

import java.nio.file.Path;
import java.time.Duration;

import io.ieum.core.service.Limits;
import io.ieum.server.IeumServer;
import io.ieum.server.config.ServerConfig;

/** Starts real servers on a free port over a temporary data directory, with small limits that tests can reach. */
public final class TestServers {

    /** Text up to 100 characters, uploads up to 64 KiB, default delete window. */
    public static final Limits SMALL = new Limits(100, 5, Duration.ofMinutes(5), 64 * 1024,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofDays(30));

    private TestServers() {}

    public static IeumServer start(Path dataDir, Limits limits) {
        return IeumServer.start(ServerConfig.defaults().withPort(0).withDataDir(dataDir).withLimits(limits));
    }
}
