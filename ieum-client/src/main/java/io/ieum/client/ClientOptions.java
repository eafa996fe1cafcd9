package io.ieum.client;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Everything an {@link IeumClient} is configured with.
 *
 * @param servers      the site failover list, tried in order
 * @param deviceName   shown in the session list of the account
 * @param executor     runs HTTP callbacks; empty = the JDK default (WebSocket callbacks run on the I/O threads)
 * @param pingInterval how often an idle realtime connection proves it is alive
 * @param dedupWindow  how many entry IDs the realtime connection remembers to drop duplicates
 * @param dedupPresized whether a connection's de-duplication tables take the window's full size at once
 *                     instead of growing with use (a load generator: many connections in one JVM that
 *                     would otherwise all grow, and be garbage-collected, in step during a run)
 * @param ioThreads    event loop threads shared by all realtime connections of one client
 * @param bindAddress  the local source address of realtime connections; empty = the system's choice
 *                     (REST calls always use the system's choice: JDK 17's HttpClient cannot pick one)
 */
public record ClientOptions(List<URI> servers, String deviceName, Duration connectTimeout, Duration requestTimeout,
                            RetryPolicy retryPolicy, RetryPolicy reconnectPolicy, Duration pingInterval,
                            int missedPongsAllowed, int dedupWindow, boolean dedupPresized, Locale locale,
                            Optional<Executor> executor, int ioThreads, Optional<InetAddress> bindAddress) {

    public ClientOptions {
        servers = List.copyOf(requireNonNull(servers, "servers"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("servers: [] (expected: at least one server URI)");
        }
        requireNonNull(deviceName, "deviceName");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(requestTimeout, "requestTimeout");
        requireNonNull(retryPolicy, "retryPolicy");
        requireNonNull(reconnectPolicy, "reconnectPolicy");
        requireNonNull(pingInterval, "pingInterval");
        requireNonNull(locale, "locale");
        requireNonNull(executor, "executor");
        requireNonNull(bindAddress, "bindAddress");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: >= 1)");
        }
        if (missedPongsAllowed < 1) {
            throw new IllegalArgumentException("missedPongsAllowed: " + missedPongsAllowed + " (expected: >= 1)");
        }
        if (dedupWindow < 1) {
            throw new IllegalArgumentException("dedupWindow: " + dedupWindow + " (expected: >= 1)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ClientOptions of(URI... servers) {
        Builder b = builder();
        for (URI s : servers) {
            b.server(s);
        }
        return b.build();
    }

    /** Fills the defaults: 5 s connect, 30 s per request, ping every 15 s, two missed pongs = dead. */
    public static final class Builder {
        private final List<URI> servers = new ArrayList<>();
        private String deviceName = "java-client";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RetryPolicy reconnectPolicy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100),
                Duration.ofSeconds(10), 0.3);
        private Duration pingInterval = Duration.ofSeconds(15);
        private int missedPongsAllowed = 2;
        private int dedupWindow = 100_000;
        private boolean dedupPresized;
        private Locale locale = Locale.getDefault();
        private Executor executor;
        private int ioThreads = 1;
        private InetAddress bindAddress;

        private Builder() {}

        public Builder server(URI server) {
            servers.add(requireNonNull(server, "server"));
            return this;
        }

        public Builder servers(List<URI> list) {
            list.forEach(this::server);
            return this;
        }

        public Builder deviceName(String value) {
            deviceName = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        public Builder reconnectPolicy(RetryPolicy value) {
            reconnectPolicy = value;
            return this;
        }

        public Builder pingInterval(Duration value) {
            pingInterval = value;
            return this;
        }

        public Builder missedPongsAllowed(int value) {
            missedPongsAllowed = value;
            return this;
        }

        public Builder dedupWindow(int value) {
            dedupWindow = value;
            return this;
        }

        /** Tables of the full window at once; for load generators (see {@link ClientOptions}). */
        public Builder dedupPresized(boolean value) {
            dedupPresized = value;
            return this;
        }

        public Builder locale(Locale value) {
            locale = value;
            return this;
        }

        public Builder executor(Executor value) {
            executor = value;
            return this;
        }

        /** One is plenty for a person's client; a load generator gives one per core. */
        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        /** The source address of realtime sockets, e.g. 127.0.0.2 to spread a load test's sockets. */
        public Builder bindAddress(InetAddress value) {
            bindAddress = value;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(servers, deviceName, connectTimeout, requestTimeout, retryPolicy, reconnectPolicy,
                    pingInterval, missedPongsAllowed, dedupWindow, dedupPresized, locale, Optional.ofNullable(executor),
                    ioThreads, Optional.ofNullable(bindAddress));
        }
    }
}
