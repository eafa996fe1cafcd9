package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where each site's node listens: site N on {@code prefix + N}, with Cassandra's standard ports.
 * All of 127.0.0.0/8 is loopback on Linux, so 127.0.0.2 and .3 need no setup; a different prefix
 * (e.g. {@code 127.0.10.}) lets two clusters run side by side.
 */
public record SiteAddressing(String prefix) {

    // Declared before DEFAULT: static fields initialize in order, and DEFAULT's constructor uses it.
    private static final Pattern LOOPBACK_PREFIX =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.");

    public static final SiteAddressing DEFAULT = new SiteAddressing("127.0.0.");
    public static final int NATIVE_PORT = 9042;
    public static final int STORAGE_PORT = 7000;

    public SiteAddressing {
        requireNonNull(prefix, "prefix");
        if (!LOOPBACK_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix: " + prefix + " (expected: 127.x.y.)");
        }
    }

    public String host(Site site) {
        return prefix + site.number();
    }

    public InetSocketAddress cql(Site site) {
        return new InetSocketAddress(host(site), NATIVE_PORT);
    }

    /** Every site's node as a seed, {@code host:storage-port} comma-separated, for {@code cassandra.yaml}. */
    public String seeds() {
        return Site.all().stream().map(site -> host(site) + ":" + STORAGE_PORT).collect(Collectors.joining(","));
    }
}
