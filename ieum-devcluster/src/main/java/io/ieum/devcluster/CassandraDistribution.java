package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Cassandra server's jars, as copied by the {@code ieum-cassandra-dist} module during the normal
 * Maven build: no download or install step by hand.
 */
public record CassandraDistribution(Path libDir) {

    /** System property, then environment variable, that point at the jar directory. */
    public static final String LIB_PROPERTY = "ieum.cassandra.lib";
    public static final String LIB_ENV = "IEUM_CASSANDRA_LIB";
    static final Path BUILD_OUTPUT = Path.of("ieum-cassandra-dist", "target", "cassandra-lib");

    public CassandraDistribution {
        requireNonNull(libDir, "libDir");
        libDir = libDir.toAbsolutePath().normalize();
        if (jars(libDir).stream().noneMatch(jar -> jar.getFileName().toString().startsWith("cassandra-all-"))) {
            throw new IllegalArgumentException("libDir: " + libDir
                    + " (expected: a directory holding cassandra-all-*.jar; run ./mvnw verify -pl ieum-cassandra-dist)");
        }
    }

    /** From -Dieum.cassandra.lib, $IEUM_CASSANDRA_LIB, or the build output of a parent directory. */
    public static CassandraDistribution locate() {
        return configured()
                .or(() -> findBuildOutputAbove(Path.of("").toAbsolutePath()))
                .map(CassandraDistribution::new)
                .orElseThrow(() -> new IllegalStateException("Cassandra jars not found: set -D" + LIB_PROPERTY
                        + " or $" + LIB_ENV + ", or build ieum-cassandra-dist (./mvnw verify)"));
    }

    private static Optional<Path> configured() {
        return Optional.ofNullable(System.getProperty(LIB_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(LIB_ENV)))
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    static Optional<Path> findBuildOutputAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BUILD_OUTPUT);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String classpath() {
        return jars(libDir).stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
