package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStateFileTest {

    @TempDir
    Path baseDir;

    @Test
    void anotherProcessShouldReadBackWhatTheStarterWrote() {
        ClusterStateFile written = new ClusterStateFile(
                new SiteAddressing("127.0.10."), Path.of("/opt/cassandra-lib"), Instant.parse("2025-01-02T03:04:05Z"));

        written.write(baseDir);

        assertThat(ClusterStateFile.read(baseDir)).isEqualTo(written);
    }

    @Test
    void directoryWithoutAClusterShouldBeRejected() {
        assertThatThrownBy(() -> ClusterStateFile.read(baseDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseDir: " + baseDir + " (expected: a cluster directory with cluster.properties)");
    }
}
