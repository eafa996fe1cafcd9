package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Cassandra node of one site: writes its configuration, starts it as a child process, finds it
 * again through its pid file (also from another process, e.g. {@code ieum cluster down}), kills it.
 */
public final class SiteNode {

    private final Site site;
    private final SiteAddressing addressing;
    private final NodeDirectories dirs;
    private final CassandraDistribution distribution;

    public SiteNode(Site site, SiteAddressing addressing, NodeDirectories dirs, CassandraDistribution distribution) {
        this.site = requireNonNull(site, "site");
        this.addressing = requireNonNull(addressing, "addressing");
        this.dirs = requireNonNull(dirs, "dirs");
        this.distribution = requireNonNull(distribution, "distribution");
    }

    public Site site() { return site; }
    public NodeDirectories directories() { return dirs; }
    public String host() { return addressing.host(site); }

    /** Starts the node and returns at once; see {@link #servesCql()} for when it is ready. */
    public ProcessHandle start(boolean killOnJvmExit) {
        if (process().isPresent()) {
            throw new IllegalStateException(site + ": already running (pid " + process().get().pid() + ")");
        }
        NodeConfigFiles.write(site, addressing, dirs);
        ProcessBuilder builder = new ProcessBuilder(NodeCommand.build(NodeCommand.currentJava(), distribution, dirs))
                .directory(dirs.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(dirs.logFile().toFile()))
                .redirectInput(Redirect.from(nullDevice()));
        ProcessHandle process;
        try {
            process = builder.start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException(site + ": cannot start java", e);
        }
        if (killOnJvmExit) {
            KillOnExit.register(process);
        }
        writePidFile(process.pid());
        return process;
    }

    /** The running node, if any. Checks the command line so that a reused pid is never mistaken for it. */
    public Optional<ProcessHandle> process() {
        return readPidFile().stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive)
                .filter(this::isThisNode)
                .findFirst();
    }

    public boolean servesCql() {
        return CqlPing.answers(addressing.cql(site));
    }

    /** {@code kill -9}: no drain, no flush; what a power cut does to a site. */
    public void kill() {
        process().ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(30));
        });
    }

    /** SIGTERM (Cassandra drains on it), then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        process().ifPresent(p -> {
            p.destroy();
            if (!awaitExit(p, grace)) {
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(30));
            }
        });
    }

    /** Resident memory of the node process from /proc (Linux only). */
    public OptionalLong residentKib() {
        return process().map(p -> ProcStatus.vmRssKib(p.pid())).orElse(OptionalLong.empty());
    }

    private boolean isThisNode(ProcessHandle process) {
        String configArg = "-Dcassandra.config=" + dirs.cassandraYaml().toUri();
        return ProcStatus.commandLine(process.pid())
                .or(() -> process.info().arguments().map(Arrays::asList))
                .map(args -> args.contains(configArg))
                .orElse(false);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            KillOnExit.unregister(process);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(dirs.pidFile(), Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dirs.pidFile(), e);
        }
    }

    private OptionalLong readPidFile() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(dirs.pidFile(), StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dirs.pidFile(), e);
        }
    }

    private static java.io.File nullDevice() {
        return Path.of("/dev/null").toFile();
    }
}
