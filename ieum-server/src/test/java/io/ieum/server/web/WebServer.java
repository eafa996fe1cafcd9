package io.ieum.server.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ieum.server.IeumServer;
import io.ieum.server.support.Client;

/**
 * The real server a browser test drives (SQLite in a fresh directory, {@link WebFixture#start}) and a
 * REST client for setting things up. In a static field it serves every test of the class (a stop
 * costs seconds); in an instance field each test gets its own, which it may {@link #stop()} (as if
 * killed) and {@link #restart()} on the same port and data, as the offline tests do:
 * {@code @RegisterExtension static final WebServer web = new WebServer();}.
 */
final class WebServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private IeumServer server;
    private Client client;
    private int port;
    private boolean perTest;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (dir == null) { // registered per test instance: beforeAll never ran
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void start() throws IOException {
        dir = Files.createTempDirectory("ieum-web-server");
        server = WebFixture.start(dataDir(), 0, List.of());
        port = server.port();
        client = new Client(server.uri());
    }

    IeumServer server() {
        return server;
    }

    Client client() {
        return client;
    }

    /** The URL the browsers use (see {@link WebFixture#base}). */
    URI base() {
        return WebFixture.base(server);
    }

    /** The server's SQLite directory, for another node sharing it. */
    Path dataDir() {
        return dir.resolve("data");
    }

    /** Stops the server at once, keeping its data: the page finds no server. */
    void stop() {
        server.close();
    }

    /** Starts the server again on the same port and data: the page's site is back. */
    void restart() {
        server = WebFixture.start(dataDir(), port, List.of());
        client = new Client(server.uri());
    }

    private void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
