package io.ieum.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ieum.server.support.TestServers;

/**
 * The real server as a separate operating-system process ({@code ieum serve}), so a test can kill
 * it with SIGKILL — no shutdown hook, no flush, exactly what a power cut does to the process.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    private ServerProcess(Path dataDir, Path logFile, int port, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    /** Starts {@code ieum serve} on a free loopback port over {@code dataDir} and waits until it is healthy. */
    static ServerProcess start(Path dataDir, Path logFile) throws IOException {
        return start(dataDir, logFile, freePort(), Map.of());
    }

    /**
     * Starts {@code ieum serve} on {@code port} with extra {@code IEUM_*} environment overrides (peers,
     * cluster secret) and waits until it is healthy.
     */
    public static ServerProcess start(Path dataDir, Path logFile, int port, Map<String, String> environment)
            throws IOException {
        ServerProcess server = new ServerProcess(dataDir, logFile, port, environment);
        server.launch();
        return server;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * SIGKILL to the server and every process it started: none gets a chance to commit, flush or say
     * goodbye. Returns the processes killed (the server first); all are gone when this returns.
     */
    public List<ProcessHandle> killNine() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        await("killed processes gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
        return tree;
    }

    /** Starts the server again on the same port and data, as after a crash. */
    void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(IeumCli.class.getName());
        command.add("serve");
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--data");
        command.add(dataDir.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The cheap Argon2id cost of every test server, through `ieum serve`'s real config path (ADR 0019).
        builder.environment().putAll(TestServers.CHEAP_PASSWORD_HASHING);
        builder.environment().putAll(environment);
        process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        await("server process healthy at " + uri() + " (log: " + logFile + ")")
                .atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server process exited with " + process.exitValue()
                                + "; see " + logFile);
                    }
                    return isHealthy(http);
                });
    }

    private boolean isHealthy(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri().resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
