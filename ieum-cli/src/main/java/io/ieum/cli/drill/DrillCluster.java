package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ieum.cli.IeumCli;
import io.ieum.cli.IeumSites;
import io.ieum.devcluster.Freezer;
import io.ieum.devcluster.LocalCluster;
import io.ieum.devcluster.Site;

/**
 * The local three-site cluster a drill runs against, driven through the same {@code ieum cluster}
 * commands an operator types (so the drill rehearses exactly those), plus freezing a site's
 * Cassandra node with SIGSTOP for the partition drill.
 */
final class DrillCluster {

    private final Path dir;
    private final PrintWriter out;

    private DrillCluster(Path dir, PrintWriter out) {
        this.dir = requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.out = requireNonNull(out, "out");
    }

    /** Uses the cluster running in {@code dir}, or starts one there; returns whether it started one. */
    static DrillCluster upOrAttach(DrillPlan plan, PrintWriter out, boolean[] started) {
        DrillCluster cluster = new DrillCluster(plan.clusterDir(), out);
        boolean running = Files.isRegularFile(cluster.dir.resolve("cassandra").resolve("cluster.properties"))
                && IeumSites.attach(cluster.dir).map(s -> Site.all().stream().allMatch(s::healthy)).orElse(false);
        started[0] = !running;
        if (!running) {
            cluster.run("cluster", "up", "--dir", cluster.dir.toString(), "--address-prefix", plan.addressPrefix(),
                    "--base-port", Integer.toString(plan.basePort()));
        }
        return cluster;
    }

    List<URI> urls() {
        IeumSites sites = ieum();
        List<URI> urls = new ArrayList<>();
        Site.all().forEach(site -> urls.add(URI.create(sites.url(site))));
        return urls;
    }

    /** The site list an app at {@code home} would have: its own site first, then the others in order. */
    List<URI> homeFirst(Site home) {
        List<URI> all = urls();
        List<URI> ordered = new ArrayList<>();
        for (int i = 0; i < Site.COUNT; i++) {
            ordered.add(all.get((home.number() - 1 + i) % Site.COUNT));
        }
        return ordered;
    }

    void kill(Site site) {
        run("cluster", "kill", "--site", Integer.toString(site.number()), "--dir", dir.toString());
    }

    /** Restarts the site and returns once it is healthy again (its node caught up first, ADR 0009). */
    void start(Site site) {
        run("cluster", "start", "--site", Integer.toString(site.number()), "--dir", dir.toString());
    }

    /** Catches up a site whose node kept running but missed writes (ADR 0012). */
    void repair(Site site) {
        run("cluster", "repair", "--site", Integer.toString(site.number()), "--dir", dir.toString());
    }

    void down() {
        run("cluster", "down", "--dir", dir.toString());
    }

    boolean healthy(Site site) {
        return ieum().healthy(site);
    }

    /**
     * SIGSTOP of the sites' Cassandra nodes, all at once: they stop answering anyone, without closing
     * a connection. Returns once the kernel reports every one stopped.
     */
    void freezeCassandra(List<Site> sites) throws InterruptedException {
        Freezer.stop(sites.stream().map(this::cassandraPid).toList());
    }

    /** SIGCONT; returns once every one runs again. */
    void thawCassandra(List<Site> sites) throws InterruptedException {
        Freezer.resume(sites.stream().map(this::cassandraPid).toList());
    }

    private long cassandraPid(Site site) {
        return LocalCluster.attach(dir.resolve("cassandra")).node(site).process()
                .orElseThrow(() -> new IllegalStateException(site + ": no Cassandra node running")).pid();
    }

    private IeumSites ieum() {
        return IeumSites.attach(dir).orElseThrow(() -> new IllegalStateException("no Ieum nodes in " + dir));
    }

    private void run(String... args) {
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = IeumCli.execute(new PrintWriter(text), new PrintWriter(errors), args);
        out.print(text);
        out.flush();
        if (code != 0) {
            throw new IllegalStateException("ieum " + String.join(" ", args) + " failed (exit " + code + "): " + errors);
        }
    }
}
