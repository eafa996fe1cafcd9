package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * {@code <base>/cluster.properties}: what a later, separate process ({@code ieum cluster status},
 * {@code ieum cluster down}) needs to find a cluster started earlier. Node pids are in each node's
 * pid file.
 */
record ClusterStateFile(SiteAddressing addressing, Path cassandraLib, Instant createdAt) {

    static final String FILE_NAME = "cluster.properties";

    ClusterStateFile {
        requireNonNull(addressing, "addressing");
        requireNonNull(cassandraLib, "cassandraLib");
        requireNonNull(createdAt, "createdAt");
    }

    static Path path(Path baseDir) {
        return baseDir.resolve(FILE_NAME);
    }

    void write(Path baseDir) {
        Properties properties = new Properties();
        properties.setProperty("addressPrefix", addressing.prefix());
        properties.setProperty("cassandraLib", cassandraLib.toString());
        properties.setProperty("createdAt", createdAt.toString());
        try (Writer out = Files.newBufferedWriter(path(baseDir), StandardCharsets.UTF_8)) {
            properties.store(out, "ieum-devcluster: a local 3-site Cassandra cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path(baseDir), e);
        }
    }

    static ClusterStateFile read(Path baseDir) {
        Path file = path(baseDir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("baseDir: " + baseDir + " (expected: a cluster directory with " + FILE_NAME + ")");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ClusterStateFile(
                new SiteAddressing(required(properties, "addressPrefix", file)),
                Path.of(required(properties, "cassandraLib", file)),
                Instant.parse(required(properties, "createdAt", file)));
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": " + key + " missing");
        }
        return value;
    }
}
