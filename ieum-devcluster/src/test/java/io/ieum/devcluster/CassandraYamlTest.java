package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraYamlTest {

    private final NodeDirectories dirs = new NodeDirectories(Path.of("/tmp/ieum-cluster/site2"));
    private final String yaml = CassandraYaml.render(Site.of(2), SiteAddressing.DEFAULT, dirs);

    @Test
    void nodeShouldListenOnItsSiteAddressAndFindTheRingThroughTheSeed() {
        assertThat(yaml)
                .contains("listen_address: 127.0.0.2\n")
                .contains("rpc_address: 127.0.0.2\n")
                .contains("- seeds: \"127.0.0.1:7000,127.0.0.2:7000,127.0.0.3:7000\"")
                .contains("native_transport_port: 9042\n")
                .contains("storage_port: 7000\n")
                .contains("endpoint_snitch: GossipingPropertyFileSnitch\n");
    }

    @Test
    void acknowledgedWritesShouldBeFsyncedBeforeTheAck() {
        assertThat(yaml)
                .contains("commitlog_sync: group\n")
                .contains("commitlog_sync_group_window: 5ms\n")
                .doesNotContain("periodic");
    }

    @Test
    void hintsShouldBeOffBecauseAReturningSiteIsCaughtUpByASweep() {
        assertThat(yaml).contains("hinted_handoff_enabled: false\n").doesNotContain("hinted_handoff_throttle");
    }

    @Test
    void aTruncationShouldTakeNoSnapshotOnADisposableDevCluster() {
        assertThat(yaml).contains("auto_snapshot: false\n");
    }

    @Test
    void everyDirectoryShouldBeUnderTheNodeRoot() {
        assertThat(yaml)
                .contains("  - /tmp/ieum-cluster/site2/data\n")
                .contains("commitlog_directory: /tmp/ieum-cluster/site2/commitlog\n")
                .contains("saved_caches_directory: /tmp/ieum-cluster/site2/saved_caches\n")
                .contains("hints_directory: /tmp/ieum-cluster/site2/hints\n")
                .contains("cdc_raw_directory: /tmp/ieum-cluster/site2/cdc_raw\n");
    }

    @Test
    void nodeShouldBeSizedForThreeNodesOnOneSmallMachine() {
        assertThat(yaml)
                .contains("auto_bootstrap: false\n")
                .contains("num_tokens: 16\n")
                .contains("concurrent_reads: 8\n")
                .contains("concurrent_writes: 8\n")
                .contains("concurrent_compactors: 1\n")
                .contains("authenticator: AllowAllAuthenticator\n");
    }

    @Test
    void rackDcPropertiesShouldNameTheSiteDatacenter() {
        assertThat(NodeConfigFiles.rackDcProperties(Site.of(3))).isEqualTo("dc=dc3\nrack=rack1\n");
    }
}
