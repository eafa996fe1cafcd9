package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.linecorp.armeria.common.annotation.Nullable;

import io.ieum.core.service.Limits;
import io.ieum.core.service.PasswordHashCost;

/**
 * Everything an operator can set, one record per section: {@code http}, {@code storage},
 * {@code limits}, {@code node}, {@code cassandra} (read when {@code storage.backend: cassandra}),
 * {@code passwordHashing}. Loaded from YAML, then overridden by {@code IEUM_<SECTION>_<KEY>}
 * environment variables, and validated as a whole before the server starts.
 */
public record ServerConfig(HttpConfig http, StorageConfig storage, Limits limits, NodeConfig node,
                           CassandraSection cassandra, PasswordHashCost passwordHashing) {

    static final List<String> SECTIONS = List.of("http", "storage", "limits", "node", "cassandra", "passwordHashing");
    private static final String ENV_PREFIX = "IEUM_";

    public ServerConfig {
        requireNonNull(http, "http");
        requireNonNull(storage, "storage");
        requireNonNull(limits, "limits");
        requireNonNull(node, "node");
        requireNonNull(cassandra, "cassandra");
        requireNonNull(passwordHashing, "passwordHashing");
    }

    /** A configuration with the default {@code cassandra} and {@code passwordHashing} sections. */
    public ServerConfig(HttpConfig http, StorageConfig storage, Limits limits, NodeConfig node) {
        this(http, storage, limits, node, CassandraSection.DEFAULTS, PasswordHashCost.OWASP);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(HttpConfig.DEFAULTS, StorageConfig.DEFAULTS, Limits.DEFAULTS, NodeConfig.DEFAULTS,
                CassandraSection.DEFAULTS, PasswordHashCost.OWASP);
    }

    /**
     * Reads {@code file} (if not null), applies the environment's {@code IEUM_<SECTION>_<KEY>}
     * overrides and validates. Environment variables of other sections (e.g. {@code IEUM_LOG_FORMAT})
     * are left to whoever reads them.
     *
     * @throws InvalidConfigException naming the key, the value and what was expected
     */
    public static ServerConfig load(@Nullable Path fileOrNull, Map<String, String> env) {
        requireNonNull(env, "env");
        Map<String, Object> root = fileOrNull == null ? Map.of() : readYaml(fileOrNull);
        for (String section : root.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new InvalidConfigException(section + ": unknown section (expected one of: " + String.join(", ", SECTIONS) + ")");
            }
        }
        ConfigSection http = section(root, "http", env);
        ConfigSection storage = section(root, "storage", env);
        ConfigSection limits = section(root, "limits", env);
        ConfigSection node = section(root, "node", env);
        ConfigSection cassandra = section(root, "cassandra", env);
        ConfigSection hashing = section(root, "passwordHashing", env);
        ServerConfig config = new ServerConfig(HttpConfig.from(http), StorageConfig.from(storage),
                LimitsConfig.from(limits), NodeConfig.from(node), CassandraSection.from(cassandra),
                PasswordHashingConfig.from(hashing));
        for (ConfigSection s : List.of(http, storage, limits, node, cassandra, hashing)) {
            s.rejectUnknownKeys();
        }
        return config;
    }

    // One wither per section restates the record; every other wither goes through one of them, so a
    // new section adds one method here, not a change to each.

    /** The HTTP listener, as the {@code http} section sets it. */
    public ServerConfig withHttp(HttpConfig newHttp) {
        return new ServerConfig(newHttp, storage, limits, node, cassandra, passwordHashing);
    }

    /** Where and how messages are stored, as the {@code storage} section sets it. */
    public ServerConfig withStorage(StorageConfig newStorage) {
        return new ServerConfig(http, newStorage, limits, node, cassandra, passwordHashing);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(http, storage, newLimits, node, cassandra, passwordHashing);
    }

    public ServerConfig withNode(NodeConfig newNode) {
        return new ServerConfig(http, storage, limits, newNode, cassandra, passwordHashing);
    }

    public ServerConfig withCassandra(CassandraSection newCassandra) {
        return new ServerConfig(http, storage, limits, node, newCassandra, passwordHashing);
    }

    /** The Argon2id cost of new password hashes, as {@code passwordHashing} sets it. */
    public ServerConfig withPasswordHashing(PasswordHashCost cost) {
        return new ServerConfig(http, storage, limits, node, cassandra, cost);
    }

    public ServerConfig withPort(int port) {
        return withHttp(http.withPort(port));
    }

    public ServerConfig withDataDir(Path dataDir) {
        return withStorage(storage.withDataDir(dataDir));
    }

    public ServerConfig withNodeName(String name) {
        return withNode(node.withName(name));
    }

    public ServerConfig withSyncNudgeWindow(java.time.Duration window) {
        return withNode(node.withSyncNudgeWindow(window));
    }

    /** The other sites' base URLs, as {@code node.peers} (or {@code IEUM_NODE_PEERS}) sets them. */
    public ServerConfig withPeers(List<String> peers) {
        return withNode(node.withCluster(peers, node.clusterSecret()));
    }

    /** The other nodes and the secret they share, as {@code node.peers} and {@code node.clusterSecret} set them. */
    public ServerConfig withCluster(List<String> peers, String clusterSecret) {
        return withNode(node.withCluster(peers, clusterSecret));
    }

    private static Map<String, Object> readYaml(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException("config file: '" + file + "' (expected: a readable YAML file)");
            }
            Object parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (parsed == null) {
                return Map.of();
            }
            return asMap(parsed, "config file '" + file + "'");
        } catch (IOException e) {
            throw new InvalidConfigException("config file: '" + file + "' is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static ConfigSection section(Map<String, Object> root, String name, Map<String, String> env) {
        Object raw = root.get(name);
        Map<String, Object> values = raw == null ? Map.of() : asMap(raw, name);
        String prefix = ENV_PREFIX + name.toUpperCase(Locale.ROOT) + "_";
        Map<String, String> overrides = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                String k = key.substring(prefix.length()).toLowerCase(Locale.ROOT);
                // IEUM_CASSANDRA_LIB / IEUM_CASSANDRA_TESTS belong to the dev cluster and the build.
                if (!(name.equals("cassandra") && CassandraSection.TOOLING_ENV_KEYS.contains(k))) {
                    overrides.put(k, value);
                }
            }
        });
        return new ConfigSection(name, values, overrides);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object raw, String what) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(what + ": '" + raw + "' (expected: a mapping of keys to values)");
        }
        return (Map<String, Object>) map;
    }
}
