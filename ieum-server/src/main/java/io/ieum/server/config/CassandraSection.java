package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the Cassandra backend connects (read only when {@code storage.backend: cassandra}).
 *
 * @param contactPoints   {@code host:port} of nodes to contact first, own site first
 * @param localDatacenter the site this server runs in; requests go there first and fail over to the others
 * @param keyspace        created with NetworkTopologyStrategy if missing
 * @param replication     replicas per datacenter; {@code {dc1: 3, dc2: 3, dc3: 3}} in production
 * @param requestTimeout  how long one request may take before the driver gives up
 */
public record CassandraSection(List<String> contactPoints, String localDatacenter, String keyspace,
                               Map<String, Integer> replication, Duration requestTimeout) {

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    /** The local three-site dev cluster ({@code ieum cluster up}): one replica per site. */
    public static final CassandraSection DEFAULTS = new CassandraSection(List.of("127.0.0.1:9042"), "dc1", "ieum",
            orderedMap("dc1", 1, "dc2", 1, "dc3", 1), Duration.ofSeconds(5));

    /** Environment variables with this prefix that belong to the dev tooling, not to this section. */
    static final List<String> TOOLING_ENV_KEYS = List.of("lib", "tests");

    public CassandraSection {
        requireNonNull(contactPoints, "contactPoints");
        requireNonNull(localDatacenter, "localDatacenter");
        requireNonNull(keyspace, "keyspace");
        requireNonNull(replication, "replication");
        requireNonNull(requestTimeout, "requestTimeout");
        contactPoints = List.copyOf(contactPoints);
        replication = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replication));
    }

    static CassandraSection from(ConfigSection s) {
        CassandraSection d = DEFAULTS;
        List<String> points = s.stringList("contactPoints", d.contactPoints());
        if (points.isEmpty()) {
            throw s.invalid("contactPoints", points, "at least one host:port");
        }
        for (String point : points) {
            if (!HOST_PORT.matcher(point).matches() || port(point) < 1 || port(point) > 65535) {
                throw s.invalid("contactPoints", point, "host:port with port 1..65535, e.g. 127.0.0.1:9042");
            }
        }
        String keyspace = s.string("keyspace", d.keyspace());
        if (!IDENTIFIER.matcher(keyspace).matches()) {
            throw s.invalid("keyspace", keyspace, "1-48 characters of a-z, 0-9, '_', starting with a letter");
        }
        Map<String, Integer> replication = s.integerMap("replication", d.replication(), 1, 9);
        if (replication.isEmpty()) {
            throw s.invalid("replication", replication, "replicas per datacenter, e.g. {dc1: 3, dc2: 3, dc3: 3}");
        }
        for (String dc : replication.keySet()) {
            if (!DATACENTER.matcher(dc).matches()) {
                throw s.invalid("replication", dc, "datacenter names of A-Z, a-z, 0-9, '_', '.', '-'");
            }
        }
        String local = s.string("localDatacenter", d.localDatacenter());
        if (!replication.containsKey(local)) {
            throw s.invalid("localDatacenter", local, "one of the replicated datacenters " + replication.keySet());
        }
        Duration timeout = s.duration("requestTimeout", d.requestTimeout(), Duration.ofMillis(100), Duration.ofMinutes(2));
        return new CassandraSection(points, local, keyspace, replication, timeout);
    }

    private static int port(String hostPort) {
        try {
            return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }
}
