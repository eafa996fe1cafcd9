package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the Cassandra backend connects and how its keyspace is replicated.
 *
 * @param contactPoints   {@code host:port} of nodes to contact first, preferably of the local site
 * @param localDatacenter the site this server runs in; the driver sends requests there first and
 *                        fails over to the other sites when it is gone
 * @param keyspace        keyspace name; created with NetworkTopologyStrategy if missing
 * @param replication     replicas per datacenter, e.g. {@code {dc1=3, dc2=3, dc3=3}} in production,
 *                        {@code {dc1=1, dc2=1, dc3=1}} on the local dev cluster
 * @param requestTimeout  how long one request may take before the driver gives up (~5 s)
 */
public record CassandraConfig(List<String> contactPoints, String localDatacenter, String keyspace,
                              Map<String, Integer> replication, Duration requestTimeout) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    public CassandraConfig {
        requireNonNull(contactPoints, "contactPoints");
        requireNonNull(localDatacenter, "localDatacenter");
        requireNonNull(keyspace, "keyspace");
        requireNonNull(replication, "replication");
        requireNonNull(requestTimeout, "requestTimeout");
        contactPoints = List.copyOf(contactPoints);
        replication = Map.copyOf(new LinkedHashMap<>(replication));
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("contactPoints: [] (expected: at least one host:port)");
        }
        for (String point : contactPoints) {
            if (!HOST_PORT.matcher(point).matches() || port(point) < 1 || port(point) > 65535) {
                throw new IllegalArgumentException("contactPoints: '" + point + "' (expected: host:port, port 1..65535)");
            }
        }
        if (!DATACENTER.matcher(localDatacenter).matches()) {
            throw new IllegalArgumentException("localDatacenter: '" + localDatacenter + "' (expected: a datacenter name)");
        }
        if (!IDENTIFIER.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace: '" + keyspace
                    + "' (expected: 1-48 characters of a-z, 0-9, '_', starting with a letter)");
        }
        if (replication.isEmpty()) {
            throw new IllegalArgumentException("replication: {} (expected: replicas per datacenter, e.g. {dc1=3, dc2=3, dc3=3})");
        }
        replication.forEach((dc, replicas) -> {
            if (!DATACENTER.matcher(dc).matches()) {
                throw new IllegalArgumentException("replication: datacenter '" + dc + "' (expected: a datacenter name)");
            }
            if (replicas == null || replicas < 1 || replicas > 9) {
                throw new IllegalArgumentException("replication." + dc + ": " + replicas + " (expected: 1..9)");
            }
        });
        if (!replication.containsKey(localDatacenter)) {
            throw new IllegalArgumentException("localDatacenter: '" + localDatacenter
                    + "' (expected: one of the replicated datacenters " + replication.keySet() + ")");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("requestTimeout: " + requestTimeout + " (expected: 1ms..2m)");
        }
    }

    /** A config with the default request timeout. */
    public static CassandraConfig of(List<String> contactPoints, String localDatacenter, String keyspace,
                                     Map<String, Integer> replication) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, replication, DEFAULT_REQUEST_TIMEOUT);
    }

    public CassandraConfig withRequestTimeout(Duration timeout) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, replication, timeout);
    }

    public CassandraConfig withLocalDatacenter(String datacenter, List<String> points) {
        return new CassandraConfig(points, datacenter, keyspace, replication, requestTimeout);
    }

    List<InetSocketAddress> contactAddresses() {
        return contactPoints.stream().map(point -> {
            int colon = point.lastIndexOf(':');
            return InetSocketAddress.createUnresolved(point.substring(0, colon), port(point));
        }).toList();
    }

    private static int port(String hostPort) {
        try {
            return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
