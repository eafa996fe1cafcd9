package io.ieum.server.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.ieum.core.service.Limits;
import io.ieum.server.IeumServer;
import io.ieum.server.config.ServerConfig;

/**
 * Starts real servers on a free port over a temporary data directory, with small limits that tests can
 * reach and a cheap password-hashing cost (ADR 0019): every sign-up and log-in of a test would
 * otherwise pay OWASP's 19 MiB Argon2id on a shared 2-core machine.
 */
public final class TestServers {

    /** Text up to 100 characters, uploads up to 64 KiB, default delete window. */
    public static final Limits SMALL = new Limits(100, 5, Duration.ofMinutes(5), 64 * 1024,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofDays(30));

    /**
     * The environment overrides that give a test server its cheap Argon2id cost, set the way an operator
     * would (also for {@code ieum serve} child processes). Below OWASP's minimum: tests only.
     */
    public static final Map<String, String> CHEAP_PASSWORD_HASHING = Map.of(
            "IEUM_PASSWORDHASHING_MEMORY", "64KiB",
            "IEUM_PASSWORDHASHING_ITERATIONS", "1",
            "IEUM_PASSWORDHASHING_PARALLELISM", "1");

    private TestServers() {}

    /** The defaults, but for the password-hashing cost of {@link #CHEAP_PASSWORD_HASHING}, read by the real config loader. */
    public static ServerConfig config() {
        return ServerConfig.load(null, CHEAP_PASSWORD_HASHING);
    }

    public static IeumServer start(Path dataDir, Limits limits) {
        return IeumServer.start(config().withPort(0).withDataDir(dataDir).withLimits(limits));
    }
}
