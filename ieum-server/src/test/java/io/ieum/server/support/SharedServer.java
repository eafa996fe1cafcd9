package io.ieum.server.support;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ieum.core.service.Limits;
import io.ieum.server.IeumServer;

/**
 * One real server for every test of a class (SQLite in a fresh directory, {@link TestServers#SMALL}
 * limits unless given) and a client for it:
 * {@code @RegisterExtension static final SharedServer shared = new SharedServer();}.
 */
public final class SharedServer implements BeforeAllCallback, AfterAllCallback {

    private final Limits limits;
    private Path dataDir;
    private IeumServer server;
    private Client client;

    public SharedServer() {
        this(TestServers.SMALL);
    }

    public SharedServer(Limits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("ieum-shared-server");
        server = TestServers.start(dataDir, limits);
        client = new Client(server.uri());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    public IeumServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Client client() {
        return client;
    }
}
