package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files of one node under the cluster's base directory: {@code <base>/site<N>/...}. */
public record NodeDirectories(Path root) {

    public NodeDirectories {
        requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public static NodeDirectories of(Path baseDir, Site site) {
        return new NodeDirectories(baseDir.resolve(site.toString()));
    }

    public Path data() { return root.resolve("data"); }
    public Path commitlog() { return root.resolve("commitlog"); }
    public Path savedCaches() { return root.resolve("saved_caches"); }
    public Path hints() { return root.resolve("hints"); }
    public Path cdcRaw() { return root.resolve("cdc_raw"); }
    public Path triggers() { return root.resolve("triggers"); }
    public Path logs() { return root.resolve("logs"); }

    public Path cassandraYaml() { return root.resolve("cassandra.yaml"); }
    public Path rackDcProperties() { return root.resolve("cassandra-rackdc.properties"); }
    public Path logbackXml() { return root.resolve("logback.xml"); }
    public Path logFile() { return logs().resolve("node.log"); }
    public Path pidFile() { return root.resolve("cassandra.pid"); }

    public void create() {
        try {
            for (Path dir : List.of(data(), commitlog(), savedCaches(), hints(), cdcRaw(), triggers(), logs())) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create node directories under " + root, e);
        }
    }
}
