package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraDistributionTest {

    @TempDir
    Path temp;

    @Test
    void directoryWithoutCassandraAllShouldBeRejectedWithTheFix() {
        assertThatThrownBy(() -> new CassandraDistribution(temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: a directory holding cassandra-all-*.jar")
                .hasMessageContaining("ieum-cassandra-dist");
    }

    @Test
    void buildOutputShouldBeFoundFromASubdirectoryOfTheCheckout() throws Exception {
        Path lib = Files.createDirectories(temp.resolve("ieum-cassandra-dist/target/cassandra-lib"));
        Path moduleDir = Files.createDirectories(temp.resolve("ieum-cli/src"));

        assertThat(CassandraDistribution.findBuildOutputAbove(moduleDir)).contains(lib);
    }

    @Test
    void theBuildShouldHaveCopiedTheServerJars() {
        // Surefire passes -Dieum.cassandra.lib pointing at ieum-cassandra-dist's output.
        CassandraDistribution distribution = CassandraDistribution.locate();

        assertThat(distribution.classpath()).contains("cassandra-all-5.0.", "netty-", "logback-classic-");
    }
}
