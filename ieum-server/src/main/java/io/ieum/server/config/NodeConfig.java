package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * This server's name among the nodes of a deployment (shown to clients in {@code ready}, used in logs)
 * and the other sites a client may move to when this one stops answering.
 *
 * @param name  the name, or {@code null} to use {@code <hostname>-<port>}
 * @param peers base URLs ({@code http://host:port}) of the other sites, in the order clients try them;
 *              also the nodes this one forwards live events to (see {@code io.ieum.server.cluster})
 * @param clusterSecret      shared by every node of the deployment, sent on the node-to-node
 *                           connection ({@code /internal/events}); required when {@code peers} is set
 * @param heartbeatInterval  how often a node asks each peer whether it is alive
 * @param heartbeatTimeout   a peer silent for this long is marked down
 * @param syncNudgeWindow    when this node may have missed a peer's events, its connected devices are
 *                           told to sync, each at a random moment within this window (ADR 0006)
 */
public record NodeConfig(@Nullable String name, List<String> peers, @Nullable String clusterSecret,
                         Duration heartbeatInterval, Duration heartbeatTimeout, Duration syncNudgeWindow) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_SECRET = 16;
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofMillis(1500);
    public static final Duration DEFAULT_SYNC_NUDGE_WINDOW = Duration.ofSeconds(1);
    public static final Duration MAX_SYNC_NUDGE_WINDOW = Duration.ofMinutes(1);
    public static final NodeConfig DEFAULTS = new NodeConfig(null, List.of());

    public NodeConfig {
        requireNonNull(peers, "peers");
        requireNonNull(heartbeatInterval, "heartbeatInterval");
        requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        requireNonNull(syncNudgeWindow, "syncNudgeWindow");
        if (syncNudgeWindow.isNegative() || syncNudgeWindow.compareTo(MAX_SYNC_NUDGE_WINDOW) > 0) {
            throw new InvalidConfigException("node.syncNudgeWindow: " + HumanUnits.format(syncNudgeWindow)
                    + " (expected: 0s..1m)");
        }
        if (name != null && !ALLOWED.matcher(name).matches()) {
            throw new InvalidConfigException("node.name: '" + name + "' (expected: 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-')");
        }
        peers = peers.stream().map(NodeConfig::baseUrl).toList();
        if (clusterSecret != null && clusterSecret.isBlank()) {
            clusterSecret = null;
        }
        if (clusterSecret != null && clusterSecret.strip().length() < MIN_SECRET) {
            // never echo the secret itself
            throw new InvalidConfigException("node.clusterSecret: " + clusterSecret.strip().length()
                    + " characters (expected: at least " + MIN_SECRET + ")");
        }
        if (!peers.isEmpty() && clusterSecret == null) {
            throw new InvalidConfigException("node.clusterSecret: missing (expected: a shared secret of at least "
                    + MIN_SECRET + " characters when node.peers is set)");
        }
        if (clusterSecret != null) {
            clusterSecret = clusterSecret.strip();
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new InvalidConfigException("node.heartbeatTimeout: " + HumanUnits.format(heartbeatTimeout)
                    + " (expected: at least twice node.heartbeatInterval, " + HumanUnits.format(heartbeatInterval) + ")");
        }
    }

    public NodeConfig(@Nullable String name) {
        this(name, List.of());
    }

    public NodeConfig(@Nullable String name, List<String> peers) {
        this(name, peers, null, DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_SYNC_NUDGE_WINDOW);
    }

    public NodeConfig withCluster(List<String> newPeers, @Nullable String secret) {
        return new NodeConfig(name, newPeers, secret, heartbeatInterval, heartbeatTimeout, syncNudgeWindow);
    }

    public NodeConfig withName(@Nullable String newName) {
        return new NodeConfig(newName, peers, clusterSecret, heartbeatInterval, heartbeatTimeout, syncNudgeWindow);
    }

    public NodeConfig withSyncNudgeWindow(Duration window) {
        return new NodeConfig(name, peers, clusterSecret, heartbeatInterval, heartbeatTimeout, window);
    }

    @Override
    public String toString() {
        return "NodeConfig[name=" + name + ", peers=" + peers + ", clusterSecret=" + (clusterSecret == null ? "none" : "***")
                + ", heartbeatInterval=" + heartbeatInterval + ", heartbeatTimeout=" + heartbeatTimeout
                + ", syncNudgeWindow=" + syncNudgeWindow + "]";
    }

    /** The configured name, or {@code <hostname>-<port>} for the port actually bound. */
    public String nameOr(String hostname, int port) {
        if (name != null) {
            return name;
        }
        String host = hostname.replaceAll("[^A-Za-z0-9._-]", "-");
        return (host.length() > 50 ? host.substring(0, 50) : host) + "-" + port;
    }

    static NodeConfig from(ConfigSection s) {
        String name = s.string("name", null);
        if (name != null && !ALLOWED.matcher(name).matches()) {
            throw s.invalid("name", name, "1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
        }
        List<String> peers = s.stringList("peers");
        String secret = s.string("clusterSecret", null);
        Duration interval = s.duration("heartbeatInterval", DEFAULT_HEARTBEAT_INTERVAL, Duration.ofMillis(50), Duration.ofSeconds(30));
        Duration timeout = s.duration("heartbeatTimeout", DEFAULT_HEARTBEAT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(5));
        Duration nudge = s.duration("syncNudgeWindow", DEFAULT_SYNC_NUDGE_WINDOW, Duration.ZERO, MAX_SYNC_NUDGE_WINDOW);
        return new NodeConfig(name, peers, secret, interval, timeout, nudge);
    }

    /** {@code http(s)://host[:port]} without a trailing slash; anything else is a configuration error. */
    private static String baseUrl(String raw) {
        String value = requireNonNull(raw, "peer").strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        String expected = "node.peers: '" + raw + "' (expected: a base URL like http://127.0.0.2:8080)";
        try {
            URI uri = new URI(value);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidConfigException(expected);
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidConfigException(expected, e);
        }
        return value;
    }
}
