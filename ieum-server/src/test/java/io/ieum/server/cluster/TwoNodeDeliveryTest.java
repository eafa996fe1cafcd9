package io.ieum.server.cluster;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.ieum.server.IeumServer;

/** The delivery contract across two nodes that are each other's peers and share one SQLite database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeDeliveryTest implements DeliveryContract {

    private Path dataDir;
    private IeumServer a;
    private IeumServer b;

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = ClusterNodes.tempDir();
        int portA = ClusterNodes.freePort();
        int portB = ClusterNodes.freePort();
        a = ClusterNodes.start("node-a", dataDir, portA, List.of(portB));
        b = ClusterNodes.start("node-b", dataDir, portB, List.of(portA));
        ClusterNodes.awaitPeersUp(a, b);
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
    }

    @Override
    public IeumServer nodeA() {
        return a;
    }

    @Override
    public IeumServer nodeB() {
        return b;
    }
}
