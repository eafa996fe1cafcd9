package io.ieum.cli;

import java.net.URI;
import java.nio.file.Path;

import io.ieum.server.IeumServer;
import io.ieum.server.config.ServerConfig;
import io.ieum.server.support.TestServers;

/** A real server on loopback over a data directory; can be restarted on the same port and data. */
final class RunningServer implements AutoCloseable {

    private final Path dataDir;
    private IeumServer server;
    private int port;

    RunningServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.server = IeumServer.start(config(dataDir, port));
        this.port = server.port();
    }

    static RunningServer start(Path dataDir) {
        return new RunningServer(dataDir, 0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops and starts again on the same port and data: a site that goes down and comes back. */
    void restart() {
        server.close();
        server = IeumServer.start(config(dataDir, port));
    }

    void stop() {
        server.close();
    }

    private static ServerConfig config(Path dataDir, int port) {
        return TestServers.config().withPort(port).withDataDir(dataDir);
    }

    @Override
    public void close() {
        server.close();
    }
}
