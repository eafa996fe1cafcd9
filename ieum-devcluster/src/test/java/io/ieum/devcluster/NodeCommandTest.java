package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCommandTest {

    @TempDir
    Path temp;

    @Test
    void commandShouldRunCassandraDaemonWithItsOwnConfigAndFixedHeap() throws Exception {
        Path lib = Files.createDirectories(temp.resolve("lib"));
        Files.createFile(lib.resolve("cassandra-all-5.0.9.jar"));
        Files.createFile(lib.resolve("guava-33.jar"));
        NodeDirectories dirs = NodeDirectories.of(temp.resolve("cluster"), Site.of(1));

        List<String> command = NodeCommand.build(Path.of("/jdk/bin/java"), new CassandraDistribution(lib), dirs);

        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command.get(command.size() - 1)).isEqualTo("org.apache.cassandra.service.CassandraDaemon");
        assertThat(command).contains("-Xms512m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dcassandra-foreground=yes",
                "-Dcassandra.ring_delay_ms=5000", "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dcassandra.shutdown_announce_in_ms=0", "-Dcassandra.test.messagingService.nonGracefulShutdown=true",
                "-Dcassandra.config=" + dirs.cassandraYaml().toUri(),
                "-Dcassandra-rackdc.properties=" + dirs.rackDcProperties().toUri(),
                "-Dlogback.configurationFile=" + dirs.logbackXml().toUri());
        assertThat(command).containsSubsequence("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(command).containsSubsequence("--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED");
        assertThat(command).containsSubsequence("--add-opens", "java.base/java.io=ALL-UNNAMED");
        assertThat(command).containsSubsequence("-cp",
                lib.resolve("cassandra-all-5.0.9.jar") + ":" + lib.resolve("guava-33.jar"));
    }
}
