package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The HTTP listener.
 *
 * @param port            0 picks a free port (tests)
 * @param maxRequestBytes largest JSON request body; uploads have their own limit
 * @param shutdownGrace   how long a stopping server waits for requests in flight
 * @param eventLoops      threads that serve every socket (HTTP and WebSocket); 0 means one per
 *                        two CPU cores, at least one (ADR 0024, 0026)
 */
public record HttpConfig(String host, int port, long maxRequestBytes, Duration shutdownGrace, int eventLoops) {

    public static final int MAX_EVENT_LOOPS = 256;
    public static final HttpConfig DEFAULTS = new HttpConfig("127.0.0.1", 8080, 1024 * 1024, Duration.ofSeconds(10), 0);

    public HttpConfig {
        requireNonNull(host, "host");
        requireNonNull(shutdownGrace, "shutdownGrace");
        if (host.isBlank()) {
            throw new InvalidConfigException("http.host: '' (expected: a host name or address)");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidConfigException("http.port: " + port + " (expected: 0..65535)");
        }
        if (maxRequestBytes < 1024 || maxRequestBytes > 64L * 1024 * 1024) {
            throw new InvalidConfigException("http.maxRequestBytes: " + maxRequestBytes + " (expected: 1024..67108864)");
        }
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new InvalidConfigException("http.shutdownGrace: " + shutdownGrace + " (expected: 0s..5m)");
        }
        if (eventLoops < 0 || eventLoops > MAX_EVENT_LOOPS) {
            throw new InvalidConfigException("http.eventLoops: " + eventLoops
                    + " (expected: 0.." + MAX_EVENT_LOOPS + ", 0 for one per two CPU cores)");
        }
    }

    /**
     * The number of event loops to run: {@link #eventLoops}, or when it is 0 one per two CPU cores (at
     * least one): the storage writer, the completer and the garbage collector need cores too, and
     * fewer loops each find more ready sockets per wake-up (ADR 0026).
     */
    public int eventLoopCount() {
        return eventLoops > 0 ? eventLoops : defaultEventLoops(Runtime.getRuntime().availableProcessors());
    }

    static int defaultEventLoops(int cores) {
        return Math.max(1, cores / 2);
    }

    public HttpConfig withPort(int newPort) {
        return new HttpConfig(host, newPort, maxRequestBytes, shutdownGrace, eventLoops);
    }

    static HttpConfig from(ConfigSection s) {
        HttpConfig d = DEFAULTS;
        return new HttpConfig(s.string("host", d.host()), s.integer("port", d.port(), 0, 65_535),
                s.bytes("maxRequestBytes", d.maxRequestBytes(), 1024, 64L * 1024 * 1024),
                s.duration("shutdownGrace", d.shutdownGrace(), Duration.ZERO, Duration.ofMinutes(5)),
                s.integer("eventLoops", d.eventLoops(), 0, MAX_EVENT_LOOPS));
    }
}
