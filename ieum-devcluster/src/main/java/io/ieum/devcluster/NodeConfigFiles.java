package io.ieum.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the three files a node reads at start: cassandra.yaml, rackdc properties and logback.xml. */
public final class NodeConfigFiles {

    /**
     * Cassandra refuses to start without a logback configuration. Everything goes to stdout, which
     * the launcher appends to the node's log file.
     */
    static final String LOGBACK_XML = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    private NodeConfigFiles() {}

    public static void write(Site site, SiteAddressing addressing, NodeDirectories dirs) {
        dirs.create();
        writeString(dirs.cassandraYaml(), CassandraYaml.render(site, addressing, dirs));
        writeString(dirs.rackDcProperties(), rackDcProperties(site));
        writeString(dirs.logbackXml(), LOGBACK_XML);
    }

    static String rackDcProperties(Site site) {
        return "dc=" + site.datacenter() + "\nrack=rack1\n";
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
