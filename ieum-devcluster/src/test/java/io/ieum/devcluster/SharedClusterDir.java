package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the one shared cluster of ieum-cluster-tests lives (ADR 0015). Its holder (ieum-cli's
 * {@code SharedCluster}) publishes the directory of its {@code ieum cluster up} as a system property;
 * the real-cluster extensions of other modules attach to its Cassandra nodes instead of starting
 * their own, and leave stopping them to the holder.
 */
public final class SharedClusterDir {

    private static final String PROPERTY = "ieum.test.cluster.dir";

    private SharedClusterDir() {}

    /** Called by the holder once its cluster is up. */
    public static void publish(Path dir) {
        System.setProperty(PROPERTY, requireNonNull(dir, "dir").toString());
    }

    /** The shared cluster's Cassandra nodes, or empty when this JVM has none (a module's tests run alone). */
    public static Optional<LocalCluster> attachCassandra() {
        String dir = System.getProperty(PROPERTY, "");
        return dir.isBlank() ? Optional.empty() : Optional.of(LocalCluster.attach(Path.of(dir).resolve("cassandra")));
    }
}
