package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatchUpSweepTest {

    @Test
    void tableNamesShouldBeQuotedSoThatAnyKeyspaceOrTableNameIsReadAsIs() {
        assertThat(CatchUpSweep.quote("ieum")).isEqualTo("\"ieum\"");
        assertThat(CatchUpSweep.quote("Odd\"Name")).isEqualTo("\"Odd\"\"Name\"");
    }

    @Test
    void cassandrasOwnKeyspacesShouldNotBeSwept() {
        assertThat(CatchUpSweep.SYSTEM_KEYSPACES).contains("system", "system_schema", "system_auth", "system_views",
                "system_virtual_schema").doesNotContain("ieum");
    }

    @Test
    void aPageShouldGetMoreTimeThanTheNodesGiveARangeRead() {
        // range_request_timeout is 10 s on the nodes: the server, not the driver, decides a slow page failed.
        assertThat(CatchUpSweep.PAGE_TIMEOUT).isGreaterThan(java.time.Duration.ofSeconds(10));
    }
}
