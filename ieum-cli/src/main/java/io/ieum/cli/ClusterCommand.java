package io.ieum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.ieum.devcluster.CassandraDistribution;
import io.ieum.devcluster.CatchUpSweep;
import io.ieum.devcluster.ClusterStatus;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.NodeStatus;
import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ieum cluster up|status|down|kill|start}: three sites on this machine, each a Cassandra node
 * (127.0.0.N, datacenter dcN) and an Ieum node ({@code http://127.0.0.N:<basePort+N-1>}), as child
 * processes that outlive the command; state lives in {@code --dir}.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Status.class, ClusterCommand.Down.class,
                ClusterCommand.Kill.class, ClusterCommand.Start.class, ClusterCommand.Repair.class})
final class ClusterCommand implements Runnable {

    static final Path DEFAULT_DIR = Path.of("ieum-cluster");
    /** Site 1 applies the schema (DDL with schema agreement): ~1 min idle, over 3 min on a shared machine. */
    static final Duration IEUM_START_TIMEOUT = Duration.ofMinutes(6);
    static final Duration IEUM_STOP_GRACE = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand takes. */
    static class DirOption {
        @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "cluster.option.dir")
        Path dir = DEFAULT_DIR;

        Path cassandraDir() {
            return dir.toAbsolutePath().normalize().resolve("cassandra");
        }

        boolean exists() {
            return Files.isRegularFile(cassandraDir().resolve("cluster.properties"));
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true)
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DirOption dirOption = new DirOption();

        @Option(names = "--sites", paramLabel = "N", descriptionKey = "cluster.option.sites")
        int sites = Site.COUNT;

        @Option(names = "--base-port", paramLabel = "PORT", descriptionKey = "cluster.option.basePort")
        int basePort = 8081;

        @Option(names = "--address-prefix", paramLabel = "127.x.y.", descriptionKey = "cluster.option.addressPrefix")
        String addressPrefix = SiteAddressing.DEFAULT.prefix();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (sites != Site.COUNT) {
                err.println(Messages.get("cluster.error.sites", sites, Site.COUNT));
                return ExitCodes.USAGE;
            }
            if (basePort < 1 || basePort + Site.COUNT - 1 > 65535) {
                err.println(Messages.get("cluster.error.port", basePort));
                return ExitCodes.USAGE;
            }
            SiteAddressing addressing;
            try {
                addressing = new SiteAddressing(addressPrefix);
            } catch (IllegalArgumentException e) {
                err.println(Messages.get("cluster.error.prefix", addressPrefix));
                return ExitCodes.USAGE;
            }
            if (running(dirOption)) {
                err.println(Messages.get("cluster.error.running", dirOption.dir.toAbsolutePath().normalize()));
                return ExitCodes.FAILED;
            }
            long started = System.nanoTime();
            CassandraDistribution distribution = CassandraDistribution.locate();
            LocalCluster cassandra = LocalCluster.create(dirOption.cassandraDir(), distribution, addressing, false);
            out.println(Messages.get("cluster.up.cassandra", Site.COUNT, addressing.host(Site.of(1)),
                    addressing.host(Site.of(Site.COUNT))));
            out.flush();
            try (Ticker ticker = new Ticker(out, started)) {
                cassandra.start();
            }
            out.println(Messages.get("cluster.up.cassandraUp", seconds(started)));
            out.flush();

            IeumSites ieum = IeumSites.create(dirOption.dir, addressing, basePort);
            try {
                // The first node creates the keyspace and applies the schema; the others then start together.
                startIeum(out, ieum, List.of(Site.seed()), started);
                startIeum(out, ieum, Site.all().stream().filter(s -> !s.isSeed()).toList(), started);
            } catch (TimeoutException | RuntimeException e) {
                err.println(e.getMessage());
                Site.all().forEach(ieum::kill);
                cassandra.killAll();
                return ExitCodes.FAILED;
            }
            out.println(Messages.get("cluster.up.ready", seconds(started)));
            for (Site site : Site.all()) {
                out.println(Messages.get("cluster.up.site", site.number(), ieum.url(site), site.datacenter(),
                        ieum.url(site) + "/status"));
            }
            out.println(Messages.get("cluster.up.hint", dirOption.dir));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DirOption dirOption = new DirOption();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!dirOption.exists()) {
                spec.commandLine().getErr().println(Messages.get("cluster.error.none", dirOption.dir.toAbsolutePath().normalize()));
                return ExitCodes.FAILED;
            }
            ClusterStatus cassandra = LocalCluster.attach(dirOption.cassandraDir()).status();
            Optional<IeumSites> ieum = IeumSites.attach(dirOption.dir);
            boolean allUp = cassandra.allHealthy();
            out.println(Messages.get("cluster.status.cassandra"));
            for (NodeStatus node : cassandra.nodes()) {
                out.println("  " + node.describe());
            }
            out.println(Messages.get("cluster.status.ieum"));
            for (Site site : Site.all()) {
                if (ieum.isEmpty()) {
                    out.println(Messages.get("cluster.status.ieumSite", site.number(), "-", "-", "not started"));
                    allUp = false;
                    continue;
                }
                IeumSites sites = ieum.get();
                var pid = sites.pid(site);
                IeumSites.Health health = pid.isPresent() ? sites.health(site) : new IeumSites.Health(false, "stopped", "");
                allUp &= health.up();
                out.println(Messages.get("cluster.status.ieumSite", site.number(), sites.url(site),
                        pid.isPresent() ? Long.toString(pid.getAsLong()) : "-", health.summary()));
            }
            out.println(Messages.get(allUp ? "cluster.status.allUp" : "cluster.status.degraded"));
            out.flush();
            return allUp ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true)
    static final class Down implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DirOption dirOption = new DirOption();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!dirOption.exists()) {
                spec.commandLine().getErr().println(Messages.get("cluster.error.none", dirOption.dir.toAbsolutePath().normalize()));
                return ExitCodes.FAILED;
            }
            long started = System.nanoTime();
            IeumSites.attach(dirOption.dir).ifPresent(ieum -> {
                out.println(Messages.get("cluster.down.ieum"));
                out.flush();
                Site.all().parallelStream().forEach(site -> ieum.stop(site, IEUM_STOP_GRACE));
            });
            out.println(Messages.get("cluster.down.cassandra"));
            out.flush();
            LocalCluster.attach(dirOption.cassandraDir()).stop();
            out.println(Messages.get("cluster.down.done", seconds(started)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true)
    static final class Kill implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        SiteOptions target = new SiteOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Optional<Integer> refused = target.refusal(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            Site which = target.site();
            int site = target.number;
            long started = System.nanoTime();
            // Every process of the site gets SIGKILL at once, as in a power cut; then we wait for them to be gone.
            // One after the other (Ieum, wait, Cassandra) left seconds between the two on a loaded machine, and
            // clients that had already moved on never met the window in which their new site still asks the dead
            // Cassandra node (ADR 0014).
            List<ProcessHandle> processes = new java.util.ArrayList<>();
            IeumSites.attach(target.dir).flatMap(ieum -> ieum.process(which)).ifPresent(processes::add);
            LocalCluster.attach(target.cassandraDir()).node(which).process().ifPresent(processes::add);
            processes.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : processes) {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("pid " + p.pid() + " still running 30 s after SIGKILL", e);
                }
            }
            out.println(Messages.get("cluster.kill.done", site, Long.toString(millis(started))));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        SiteOptions target = new SiteOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<Integer> refused = target.refusal(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            Site which = target.site();
            int site = target.number;
            long started = System.nanoTime();
            LocalCluster cassandra = LocalCluster.attach(target.cassandraDir());
            Optional<IeumSites> ieum = IeumSites.attach(target.dir);
            boolean ieumDown = ieum.isPresent() && ieum.get().process(which).isEmpty();
            try (Ticker ticker = new Ticker(out, started)) {
                CatchUpSweep.Result sweep;
                if (cassandra.node(which).process().isEmpty()) {
                    out.println(Messages.get("cluster.start.cassandra", site));
                    out.flush();
                    sweep = cassandra.restart(which);
                } else if (ieumDown) {
                    // Its Cassandra node kept running (an earlier start gave up, or only Ieum died): catch up anyway.
                    sweep = cassandra.catchUp(which);
                } else {
                    sweep = null;
                }
                if (sweep != null) {
                    printCaughtUp(out, site, sweep, started);
                }
            } catch (TimeoutException e) {
                err.println(Messages.get("cluster.error.start", site, e.getMessage()));
                return ExitCodes.FAILED;
            }
            if (ieumDown) {
                try {
                    startIeum(out, ieum.get(), List.of(which), started);
                } catch (TimeoutException | RuntimeException e) {
                    err.println(e.getMessage());
                    return ExitCodes.FAILED;
                }
            }
            out.println(Messages.get("cluster.start.done", site, seconds(started)));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * The catch-up sweep alone, for a site whose node kept running but missed writes (frozen, cut
     * off): every row read at ALL through its node, which repairs what it lacks.
     */
    @Command(name = "repair", mixinStandardHelpOptions = true)
    static final class Repair implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        SiteOptions target = new SiteOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<Integer> refused = target.refusal(spec);
            if (refused.isPresent()) {
                return refused.get();
            }
            Site which = target.site();
            int site = target.number;
            long started = System.nanoTime();
            try (Ticker ticker = new Ticker(out, started)) {
                printCaughtUp(out, site, LocalCluster.attach(target.cassandraDir()).catchUp(which), started);
                return ExitCodes.OK;
            } catch (TimeoutException | RuntimeException e) {
                spec.commandLine().getErr().println(Messages.get("cluster.error.repair", site, e.getMessage()));
                return ExitCodes.FAILED;
            }
        }
    }

    static void printCaughtUp(PrintWriter out, int site, CatchUpSweep.Result sweep, long started) {
        out.println(Messages.get("cluster.start.caughtUp", site, Long.toString(sweep.rows()), sweep.tables(),
                String.format(java.util.Locale.ROOT, "%.1f", sweep.took().toMillis() / 1000.0),
                sweep.retriedPages(), seconds(started)));
        out.flush();
    }

    /** {@code --dir} and {@code --site N}: the options of a command about one site of a cluster. */
    static class SiteOptions extends DirOption {
        @Option(names = "--site", paramLabel = "N", required = true, descriptionKey = "cluster.option.site")
        int number;

        /** Why the command cannot run (see {@link #refuse}), as its exit code; empty if it can. */
        Optional<Integer> refusal(CommandSpec spec) {
            return refuse(spec, this, ClusterCommand.site(spec, number));
        }

        /** The site, once {@link #refusal} found none. */
        Site site() {
            return Site.of(number);
        }
    }

    static Optional<Site> site(CommandSpec spec, int number) {
        if (number < 1 || number > Site.COUNT) {
            spec.commandLine().getErr().println(Messages.get("cluster.error.site", number, Site.COUNT));
            return Optional.empty();
        }
        return Optional.of(Site.of(number));
    }

    /**
     * Why a command about one site of the cluster in {@code dirOption} cannot run, as its exit
     * code (the reason already printed), or empty if it can: the site number is out of range, or
     * no cluster was started in that directory.
     */
    static Optional<Integer> refuse(CommandSpec spec, DirOption dirOption, Optional<Site> which) {
        if (which.isEmpty()) {
            return Optional.of(ExitCodes.USAGE);
        }
        if (!dirOption.exists()) {
            spec.commandLine().getErr().println(Messages.get("cluster.error.none", dirOption.dir.toAbsolutePath().normalize()));
            return Optional.of(ExitCodes.FAILED);
        }
        return Optional.empty();
    }

    /** Is any process of a cluster in this directory still alive? */
    static boolean running(DirOption dirOption) {
        if (!dirOption.exists()) {
            return false;
        }
        LocalCluster cassandra = LocalCluster.attach(dirOption.cassandraDir());
        boolean cassandraAlive = Site.all().stream().anyMatch(s -> cassandra.node(s).process().isPresent());
        boolean ieumAlive = IeumSites.attach(dirOption.dir)
                .map(ieum -> Site.all().stream().anyMatch(s -> ieum.process(s).isPresent())).orElse(false);
        return cassandraAlive || ieumAlive;
    }

    /** Starts the sites' Ieum nodes together and waits until each one's /health is UP. */
    static void startIeum(PrintWriter out, IeumSites ieum, List<Site> sites, long started) throws TimeoutException {
        for (Site site : sites) {
            ProcessHandle p = ieum.start(site);
            out.println(Messages.get("cluster.up.ieum", site.number(), ieum.url(site), Long.toString(p.pid())));
        }
        out.flush();
        for (Site site : sites) {
            await(() -> {
                if (ieum.process(site).isEmpty()) {
                    throw new IllegalStateException(Messages.get("cluster.error.exited", site.number(),
                            ieum.logFile(site), ieum.logTail(site, 30)));
                }
                return ieum.healthy(site);
            }, IEUM_START_TIMEOUT, () -> Messages.get("cluster.error.timeout", site.number(), ieum.logFile(site)));
            out.println(Messages.get("cluster.up.ieumUp", site.number(), seconds(started)));
            out.flush();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what)
            throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException(what.get());
            }
        }
    }

    static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Prints "still starting (N s)" every 10 s while a long step runs. */
    static final class Ticker implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-progress");
            t.setDaemon(true);
            return t;
        });

        Ticker(PrintWriter out, long started) {
            timer.scheduleAtFixedRate(() -> {
                out.println(Messages.get("cluster.progress", seconds(started)));
                out.flush();
            }, 10, 10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
