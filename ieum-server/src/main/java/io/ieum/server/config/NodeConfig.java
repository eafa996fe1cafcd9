package io.ieum.server.config;

import java.util.regex.Pattern;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * This server's name among the nodes of a deployment (shown to clients in {@code ready}, used in logs).
 *
 * @param name the name, or {@code null} to use {@code <hostname>-<port>}
 */
public record NodeConfig(@Nullable String name) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final NodeConfig DEFAULTS = new NodeConfig(null);

    public NodeConfig {
        if (name != null && !ALLOWED.matcher(name).matches()) {
            throw new InvalidConfigException("node.name: '" + name + "' (expected: 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-')");
        }
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
        return new NodeConfig(name);
    }
}
