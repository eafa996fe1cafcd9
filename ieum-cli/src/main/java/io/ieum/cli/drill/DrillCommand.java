package io.ieum.cli.drill;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;

import io.ieum.cli.ExitCodes;
import io.ieum.cli.Messages;
import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ieum drill fire|partition}: rehearse losing or cutting off a site on a local three-site cluster. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        subcommands = {DrillCommand.Fire.class, DrillCommand.Partition.class})
public final class DrillCommand implements Runnable {

    /** An ack p99 above this before the fault means the machine was saturated before the drill's fault. */
    static final long SATURATED_BEFORE_FAULT_MILLIS = 1000;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both drills take. */
    static class DrillOptions {
        @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "drill.option.dir")
        Path dir = Path.of("ieum-cluster");

        @Option(names = "--address-prefix", paramLabel = "127.x.y.", descriptionKey = "cluster.option.addressPrefix")
        String addressPrefix = SiteAddressing.DEFAULT.prefix();

        @Option(names = "--base-port", paramLabel = "PORT", descriptionKey = "cluster.option.basePort")
        int basePort = 8081;

        @Option(names = "--clients", paramLabel = "N", descriptionKey = "drill.option.clients")
        int clients = 12;

        @Option(names = "--rooms", paramLabel = "N", descriptionKey = "drill.option.rooms")
        int rooms = 2;

        /** Leaves headroom on a 2-core machine running six JVMs: the drill must measure the failover, not the CPU. */
        @Option(names = "--rate", paramLabel = "PER_SECOND", descriptionKey = "drill.option.rate")
        double rate = 2;

        /** Long enough that the fault strikes after freshly started JVMs have warmed up (the first ~15 s). */
        @Option(names = "--warmup", paramLabel = "SECONDS", descriptionKey = "drill.option.warmup")
        int warmup = 30;

        @Option(names = "--fault", paramLabel = "SECONDS", descriptionKey = "drill.option.fault")
        int fault = 10;

        @Option(names = "--settle", paramLabel = "SECONDS", descriptionKey = "drill.option.settle")
        int settle = 5;

        @Option(names = {"--site", "--kill-site"}, paramLabel = "N", descriptionKey = "drill.option.site")
        Integer site;

        @Option(names = "--socket-catch-up", descriptionKey = "drill.option.socketCatchUp")
        boolean socketCatchUp;

        @Option(names = "--resume-limit", paramLabel = "MILLIS", descriptionKey = "drill.option.resumeLimit")
        long resumeLimitMillis = 3000;

        @Option(names = "--seed", descriptionKey = "drill.option.seed")
        Long seed;

        @Option(names = "--report", paramLabel = "DIR", descriptionKey = "drill.option.report")
        Path report = Path.of("drill-report");

        @Option(names = "--keep", descriptionKey = "drill.option.keep")
        boolean keep;

        Integer run(CommandSpec spec, DrillPlan.Kind kind, Scenario scenario) throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long actualSeed = seed != null ? seed : new Random().nextLong();
            Random random = new Random(actualSeed);
            DrillPlan plan;
            try {
                new SiteAddressing(addressPrefix);
                if (warmup < 2 || fault < 1 || settle < 0) {
                    throw new IllegalArgumentException("--warmup " + warmup + " --fault " + fault + " --settle " + settle
                            + " (expected: warmup >= 2, fault >= 1, settle >= 0 seconds)");
                }
                Site which = site != null ? Site.of(site) : Site.of(1 + random.nextInt(Site.COUNT));
                plan = new DrillPlan(kind, dir, addressPrefix, basePort, clients, rooms, rate, Duration.ofSeconds(warmup),
                        Duration.ofSeconds(fault), Duration.ofSeconds(settle), which, Duration.ofMillis(resumeLimitMillis),
                        actualSeed, report, socketCatchUp);
            } catch (IllegalArgumentException e) {
                err.println(Messages.get("drill.error.usage", e.getMessage()));
                return ExitCodes.USAGE;
            }
            out.println(Messages.get("drill.start." + kind.name().toLowerCase(java.util.Locale.ROOT), plan.site().number(),
                    plan.clients(), plan.rooms(), Long.toString(actualSeed)));
            out.flush();
            DrillSummary summary = new Drill(plan, scenario, out).run(keep);
            for (DrillSummary.Check check : summary.checks()) {
                out.println((check.passed() ? "  ok    " : "  FAIL  ") + check.name() + ": " + check.detail());
            }
            out.println(Messages.get("drill.done", summary.sent(), summary.acknowledged(), summary.verdict().lost(),
                    summary.verdict().duplicated(), Long.toString(summary.resume().p50()), Long.toString(summary.resume().p99()),
                    summary.resume().max() == ResumeTimes.NEVER ? "∞" : Long.toString(summary.resume().max()),
                    report.toAbsolutePath().normalize()));
            summary.verdict().missedPushes().forEach(missed -> out.println("        " + missed));
            summary.failovers().forEach(f -> out.println("  " + FailoverText.line(f)));
            out.println(Messages.get("drill.beforeFault", Long.toString(summary.ackLatencyBeforeFault().p50()),
                    Long.toString(summary.ackLatencyBeforeFault().p99())));
            if (summary.ackLatencyBeforeFault().p99() > SATURATED_BEFORE_FAULT_MILLIS) {
                out.println(Messages.get("drill.saturated", Long.toString(SATURATED_BEFORE_FAULT_MILLIS)));
            }
            out.println(Messages.get(summary.passed() ? "drill.report.passed" : "drill.report.failed"));
            out.flush();
            return summary.passed() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "fire", mixinStandardHelpOptions = true)
    static final class Fire implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DrillOptions options = new DrillOptions();

        /** For a test that goes on with the site dead (ieum-cluster-tests): skips the ~100 s restart under traffic. */
        @Option(names = "--leave-killed", descriptionKey = "drill.option.leaveKilled")
        boolean leaveKilled;

        @Override
        public Integer call() throws Exception {
            return options.run(spec, DrillPlan.Kind.FIRE, new FireScenario(!leaveKilled));
        }
    }

    @Command(name = "partition", mixinStandardHelpOptions = true)
    static final class Partition implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DrillOptions options = new DrillOptions();

        @Override
        public Integer call() throws Exception {
            return options.run(spec, DrillPlan.Kind.PARTITION, new PartitionScenario());
        }
    }
}
