package io.ieum.server.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.ieum.server.IeumServer;
import io.ieum.server.support.TestServers;

/** The delivery contract on one node without peers: node A and node B are the same server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleNodeDeliveryTest implements DeliveryContract {

    private Path dataDir;
    private IeumServer node;

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = ClusterNodes.tempDir();
        node = TestServers.start(dataDir, TestServers.SMALL);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Override
    public IeumServer nodeA() {
        return node;
    }

    @Override
    public IeumServer nodeB() {
        return node;
    }
}
