package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * This server's name among the nodes of a deployment (shown to clients in {@code ready}, used in logs)
 * and the other sites a client may move to when this one stops answering.
 *
 * @param name  the name, or {@code null} to use {@code <hostname>-<port>}
 * @param peers base URLs ({@code http://host:port}) of the other sites, in the order clients try them
 */
public record NodeConfig(@Nullable String name, List<String> peers) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final NodeConfig DEFAULTS = new NodeConfig(null, List.of());

    public NodeConfig {
        requireNonNull(peers, "peers");
        if (name != null && !ALLOWED.matcher(name).matches()) {
            throw new InvalidConfigException("node.name: '" + name + "' (expected: 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-')");
        }
        peers = peers.stream().map(NodeConfig::baseUrl).toList();
    }

    public NodeConfig(@Nullable String name) {
        this(name, List.of());
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
        return new NodeConfig(name, s.stringList("peers"));
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
