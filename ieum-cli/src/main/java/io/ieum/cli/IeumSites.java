package io.ieum.cli;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;

/**
 * The Ieum nodes of a local cluster: one {@code ieum serve} child process per site, started with
 * the site's environment and outliving the command that started it. Pids and settings are kept in
 * {@code <dir>/ieum/} so that separate invocations ({@code status}, {@code kill}, {@code down}) find them.
 */
public final class IeumSites {

    static final String SETTINGS_FILE = "ieum-sites.properties";
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    private final Path dir;
    private final SiteAddressing addressing;
    private final int basePort;
    private final String java;
    private final String classpath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    private IeumSites(Path dir, SiteAddressing addressing, int basePort, String java, String classpath) {
        this.dir = requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.addressing = requireNonNull(addressing, "addressing");
        this.basePort = basePort;
        this.java = requireNonNull(java, "java");
        this.classpath = requireNonNull(classpath, "classpath");
    }

    /** New sites in {@code dir}, run with this JVM's java and classpath; writes the settings file. */
    static IeumSites create(Path dir, SiteAddressing addressing, int basePort) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        IeumSites sites = new IeumSites(dir, addressing, basePort, java, absolute(System.getProperty("java.class.path")));
        sites.writeSettings();
        return sites;
    }

    /** The sites an earlier {@code cluster up} created in {@code dir}, if any. */
    public static Optional<IeumSites> attach(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve("ieum").resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new IeumSites(dir, new SiteAddressing(p.getProperty("addressPrefix")),
                Integer.parseInt(p.getProperty("basePort")), p.getProperty("java"), p.getProperty("classpath")));
    }

    Path dir() { return dir; }

    String host(Site site) { return addressing.host(site); }

    int port(Site site) { return basePort + site.number() - 1; }

    public String url(Site site) { return "http://" + host(site) + ":" + port(site); }

    Path siteDir(Site site) { return dir.resolve("ieum").resolve("site" + site.number()); }

    Path logFile(Site site) { return siteDir(site).resolve("ieum.log"); }

    /** Starts the site's Ieum node and returns at once (see {@link #healthy}). */
    ProcessHandle start(Site site) {
        if (process(site).isPresent()) {
            throw new IllegalStateException("site" + site.number() + ": Ieum already running (pid "
                    + process(site).get().pid() + ")");
        }
        Path siteDir = siteDir(site);
        try {
            Files.createDirectories(siteDir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + siteDir, e);
        }
        // C1 only: a local cluster's node lives minutes on a few busy cores, where C2 never pays back (ADR 0021).
        List<String> command = List.of(java, "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", marker(site),
                "-cp", classpath, IeumCli.class.getName(), "serve");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(siteDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile(site).toFile()))
                .redirectInput(Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
        builder.environment().putAll(environment(site));
        ProcessHandle process;
        try {
            process = builder.start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("site" + site.number() + ": cannot start java", e);
        }
        writeString(siteDir.resolve("ieum.pid"), Long.toString(process.pid()));
        return process;
    }

    /** What {@code ieum serve} of this site reads: listen address, Cassandra (own site first), peers. */
    Map<String, String> environment(Site site) {
        List<String> points = new ArrayList<>();
        points.add(addressing.host(site) + ":" + SiteAddressing.NATIVE_PORT);
        List<String> peers = new ArrayList<>();
        for (Site other : Site.all()) {
            if (!other.equals(site)) {
                points.add(addressing.host(other) + ":" + SiteAddressing.NATIVE_PORT);
                peers.add(url(other));
            }
        }
        return Map.of(
                "IEUM_NODE_CLUSTERSECRET", clusterSecret(),
                "IEUM_HTTP_HOST", host(site),
                "IEUM_HTTP_PORT", Integer.toString(port(site)),
                "IEUM_STORAGE_BACKEND", "cassandra",
                "IEUM_STORAGE_DATADIR", siteDir(site).resolve("data").toString(),
                "IEUM_CASSANDRA_CONTACTPOINTS", String.join(",", points),
                "IEUM_CASSANDRA_LOCALDATACENTER", site.datacenter(),
                "IEUM_NODE_NAME", "site" + site.number(),
                "IEUM_NODE_PEERS", String.join(",", peers));
    }

    /**
     * The secret the nodes of this local cluster share for their event bus (ADR 0006): made once,
     * kept readable only by its owner in the cluster directory, so a node restarted later by
     * {@code cluster start} joins the others.
     */
    String clusterSecret() {
        Path file = dir.resolve("cluster.secret");
        try {
            if (!Files.isRegularFile(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(dir);
                Files.writeString(file, HexFormat.of().formatHex(random));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's own permissions apply.
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** The site's running Ieum node; the command line is checked so a reused pid is never mistaken for it. */
    public Optional<ProcessHandle> process(Site site) {
        Path pidFile = siteDir(site).resolve("ieum.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> commandLine(p).contains(marker(site)));
    }

    OptionalLong pid(Site site) {
        return process(site).map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    /** {@code kill -9} of the site's Ieum node. */
    void kill(Site site) {
        process(site).ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(30));
        });
    }

    /** SIGTERM (graceful: sockets told to move, writes committed), SIGKILL after {@code grace}. */
    void stop(Site site, Duration grace) {
        process(site).ifPresent(p -> {
            p.destroy();
            if (!awaitExit(p, grace)) {
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(30));
            }
        });
    }

    /** {@code GET /health} of the site: its status code and body, or why it did not answer. */
    Health health(Site site) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(site) + "/health"))
                    .timeout(HEALTH_TIMEOUT.multipliedBy(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode() == 200, response.statusCode() == 200 ? "UP" : "DOWN " + response.statusCode(),
                    response.body());
        } catch (IOException e) {
            return new Health(false, "unreachable", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(false, "interrupted", "");
        }
    }

    public boolean healthy(Site site) {
        return health(site).up();
    }

    record Health(boolean up, String summary, String body) {}

    String logTail(Site site, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(site), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + logFile(site) + ")";
        }
    }

    private String marker(Site site) {
        return "-Dieum.cluster.node=" + dir + "#site" + site.number();
    }

    private static List<String> commandLine(ProcessHandle p) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException | UncheckedIOException e) {
            return p.info().arguments().map(List::of).orElse(List.of());
        }
    }

    private static boolean awaitExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private void writeSettings() {
        Properties p = new Properties();
        p.setProperty("addressPrefix", addressing.prefix());
        p.setProperty("basePort", Integer.toString(basePort));
        p.setProperty("java", java);
        p.setProperty("classpath", classpath);
        Path file = dir.resolve("ieum").resolve(SETTINGS_FILE);
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "ieum cluster up: the Ieum nodes of this cluster");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Children run in their site's directory: a relative entry ({@code java -jar ieum-cli/target/ieum.jar}) would not resolve there. */
    static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
