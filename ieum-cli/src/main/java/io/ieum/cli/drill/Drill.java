package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ieum.cli.Messages;
import io.ieum.client.Json;
import io.ieum.devcluster.Site;

/**
 * Runs one drill end to end: cluster, people and rooms, traffic, the fault and its healing, the
 * final check of every member's view, the report. Returns the summary; {@code passed()} says
 * whether every promise held.
 */
final class Drill {

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Freshly started JVMs (a cluster just brought up) answer slowly for tens of seconds on two cores:
     * the fault waits until acks are steady, so the drill measures the failover, not the warm-up.
     */
    static final long STEADY_P99_MILLIS = 500;
    static final Duration STEADY_WINDOW = Duration.ofSeconds(5);
    static final Duration STEADY_TIMEOUT = Duration.ofSeconds(120);
    static final String PASSWORD = "drill password 1234";
    /** How long after the fault a stricken client's connection steps are reported, and at most how many. */
    static final Duration FAILOVER_WINDOW = Duration.ofSeconds(30);
    static final int MAX_FAILOVER_STEPS = 40;

    private final DrillPlan plan;
    private final Scenario scenario;
    private final PrintWriter out;
    private final DrillLog log = new DrillLog();
    private String healFailure;
    private DrillSummary.Latency beforeFault = new DrillSummary.Latency(0, 0, 0);

    Drill(DrillPlan plan, Scenario scenario, PrintWriter out) {
        this.plan = requireNonNull(plan, "plan");
        this.scenario = requireNonNull(scenario, "scenario");
        this.out = requireNonNull(out, "out");
    }

    DrillSummary run(boolean keepCluster) throws Exception {
        Random random = new Random(plan.seed());
        boolean[] started = {false};
        DrillCluster cluster = DrillCluster.upOrAttach(plan, out, started);
        List<DrillClient> clients = new ArrayList<>();
        try {
            say("drill.step.people", plan.clients(), plan.rooms());
            String tag = Long.toString(Math.abs(plan.seed() ^ System.nanoTime()) % 1_000_000_000L, 36);
            for (int i = 0; i < plan.clients(); i++) {
                Site home = Site.of(i % Site.COUNT + 1);
                clients.add(new DrillClient(i, home, "drill" + tag + "c" + i, cluster.homeFirst(home), log, plan.socketCatchUp()));
            }
            parallel(clients, c -> c.signUpAndLogIn(PASSWORD));
            Map<String, List<DrillClient>> rooms = createRooms(clients);
            parallel(clients, c -> {
                try {
                    c.connect();
                } catch (Exception e) {
                    throw new IllegalStateException("c" + c.index + ": cannot connect: " + e.getMessage(), e);
                }
            });
            Scenario.Outcome outcome;
            long end;
            try (Traffic traffic = new Traffic(clients, plan.sendsPerSecond(), random)) {
                long trafficAt = log.mark("traffic", Messages.get("drill.event.traffic")).at();
                traffic.start();
                long half = plan.warmup().toMillis() / 2;
                Scenario.pause(Duration.ofMillis(half));
                awaitSteady(trafficAt);
                Scenario.pause(Duration.ofMillis((long) (random.nextDouble() * half)));
                long faultAt = log.now();
                // The state the fault struck: acks of the sends made in the last half warm-up before it.
                beforeFault = latencyOf(log.sends().stream()
                        .filter(s -> s.sentAt >= faultAt - half && s.sentAt < faultAt).toList(), faultAt);
                say("drill.step.fault", plan.site().number());
                try {
                    outcome = scenario.run(plan, cluster, log, clients.stream().filter(c -> c.home.equals(plan.site()))
                            .findFirst().orElseThrow());
                } catch (RuntimeException e) {
                    // Still check and report what the clients saw: the report is most needed when the drill goes wrong.
                    log.mark("heal-failed", Messages.get("drill.event.healFailed", e.getMessage()));
                    healFailure = e.getMessage();
                    outcome = new Scenario.Outcome(faultAt, Long.MAX_VALUE, java.util.Optional.empty(),
                            java.util.Optional.empty(), true);
                }
                say("drill.step.settle", plan.settle().toSeconds());
                Scenario.pause(plan.settle());
                end = log.mark("stop", Messages.get("drill.event.stop")).at();
            }
            say("drill.step.drain");
            awaitDrained(clients, rooms);
            say("drill.step.verify");
            Verdict verdict = new Verifier(rooms).check(log.sends(), outcome.refusal());
            DrillSummary summary = summarize(clients, verdict, outcome, end);
            write(summary);
            return summary;
        } finally {
            clients.forEach(DrillClient::close);
            if (started[0] && !keepCluster) {
                cluster.down();
            }
        }
    }

    /**
     * Waits (at most {@link #STEADY_TIMEOUT}) until the sends of the last {@link #STEADY_WINDOW} (ending
     * a second ago, so that they had time to be answered) were acknowledged with a p99 within
     * {@link #STEADY_P99_MILLIS}; says which it was.
     */
    private void awaitSteady(long trafficAt) throws InterruptedException {
        long deadline = System.nanoTime() + STEADY_TIMEOUT.toNanos();
        while (true) {
            long now = log.now();
            long windowEnd = now - 1_000;
            long windowStart = windowEnd - STEADY_WINDOW.toMillis();
            long p99 = latencyOf(log.sends().stream().filter(s -> s.sentAt >= windowStart && s.sentAt < windowEnd).toList(),
                    now).p99();
            if (p99 <= STEADY_P99_MILLIS) {
                say("drill.step.steady", Long.toString(p99), (now - trafficAt) / 1000);
                return;
            }
            if (System.nanoTime() > deadline) {
                say("drill.step.notSteady", (now - trafficAt) / 1000, Long.toString(p99), Long.toString(STEADY_P99_MILLIS));
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Each room gets whole triples of clients (one per site), so every room has members on every site. */
    private Map<String, List<DrillClient>> createRooms(List<DrillClient> clients) {
        Map<Integer, List<DrillClient>> byRoom = new LinkedHashMap<>();
        for (DrillClient c : clients) {
            byRoom.computeIfAbsent((c.index / Site.COUNT) % plan.rooms(), r -> new ArrayList<>()).add(c);
        }
        Map<String, List<DrillClient>> rooms = new LinkedHashMap<>();
        byRoom.forEach((r, members) -> {
            DrillClient owner = members.get(0);
            String id = owner.rest().createGroup("drill room " + r,
                    members.stream().skip(1).map(m -> m.username).toList()).id();
            members.forEach(m -> m.joined(id));
            rooms.put(id, List.copyOf(members));
        });
        return rooms;
    }

    /** Waits until every send is settled and every member was pushed every acknowledged message of its rooms. */
    private void awaitDrained(List<DrillClient> clients, Map<String, List<DrillClient>> rooms) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SendRecord> sends = log.sends();
            boolean settled = sends.stream().allMatch(s -> s.isAcked() || s.error() != null);
            boolean delivered = settled && sends.stream().filter(SendRecord::isAcked).allMatch(s ->
                    rooms.get(s.roomId).stream().allMatch(m -> m.receivedIn(s.roomId).contains(s.id)));
            if (delivered) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private DrillSummary summarize(List<DrillClient> clients, Verdict verdict, Scenario.Outcome outcome, long end) {
        List<SendRecord> sends = log.sends();
        Map<Integer, Long> perClient = ResumeTimes.perClient(sends, outcome.resumeFrom(), outcome.resumeUntil(), clients.size());
        List<Long> resume = new ArrayList<>(perClient.values());
        List<Long> latencies = sends.stream().filter(SendRecord::isAcked).map(SendRecord::latency).toList();

        DrillSummary.Resume r = new DrillSummary.Resume(ResumeTimes.percentile(resume, 0.5),
                ResumeTimes.percentile(resume, 0.99), resume.stream().mapToLong(Long::longValue).max().orElse(0), perClient);
        DrillSummary.Latency l = new DrillSummary.Latency(ResumeTimes.percentile(latencies, 0.5),
                ResumeTimes.percentile(latencies, 0.99), latencies.stream().mapToLong(Long::longValue).max().orElse(0));
        int acknowledged = latencies.size();
        List<DrillSummary.Check> checks = new ArrayList<>();
        checks.add(check("drill.check.lost", verdict.lost() == 0, verdict.lost()));
        checks.add(check("drill.check.duplicated", verdict.duplicated() == 0, verdict.duplicated()));
        checks.add(check("drill.check.order", verdict.orderMismatches() == 0, verdict.orderMismatches()));
        checks.add(check("drill.check.delivered", verdict.notDelivered() == 0, verdict.notDelivered()));
        checks.add(check("drill.check.allAcked", acknowledged == sends.size(), sends.size() - acknowledged));
        checks.add(check("drill.check.resume", r.p99() <= plan.resumeLimit().toMillis(), Long.toString(r.p99()),
                Long.toString(plan.resumeLimit().toMillis())));
        if (outcome.healed()) {
            checks.add(check("drill.check.healed", healFailure == null, healFailure == null ? "-" : healFailure));
        }
        outcome.refusal().ifPresent(w -> checks.add(check("drill.check.cutOff", verdict.acknowledgedWhileCutOff() == 0,
                verdict.acknowledgedWhileCutOff())));
        outcome.refusalText().ifPresent(text -> checks.add(check("drill.check.told", text.startsWith("503 busy"), text)));
        boolean passed = checks.stream().allMatch(DrillSummary.Check::passed);
        long reconnects = clients.stream().mapToLong(DrillClient::reconnects).sum();
        return new DrillSummary(plan.kind().name(), plan.site().number(), plan.seed(), plan.clients(), plan.rooms(),
                plan.sendsPerSecond(), sends.size(), acknowledged, verdict, r, l, beforeFault, log.errors(), reconnects, log.events(),
                outcome.refusalText().orElse(null), checks, passed, TimelineBucket.of(sends, end),
                failovers(clients, sends, outcome, perClient));
    }

    /** The steps of the stricken site's clients in the {@link #FAILOVER_WINDOW} after the fault. */
    private List<DrillSummary.Failover> failovers(List<DrillClient> clients, List<SendRecord> sends, Scenario.Outcome outcome,
                                                  Map<Integer, Long> resume) {
        long faultAt = outcome.resumeFrom();
        return clients.stream().filter(c -> c.home.equals(plan.site())).map(c -> {
            List<FailoverStep> steps = c.trace().between(faultAt, faultAt + FAILOVER_WINDOW.toMillis());
            Optional<SendRecord> worst = ResumeTimes.worstOf(sends, c.index, faultAt, outcome.resumeUntil());
            return new DrillSummary.Failover(c.index, faultAt, resume.getOrDefault(c.index, 0L),
                    worst.map(w -> w.sentAt).orElse(-1L), worst.filter(SendRecord::isAcked).map(SendRecord::ackedAt).orElse(-1L),
                    steps.subList(0, Math.min(steps.size(), MAX_FAILOVER_STEPS)));
        }).toList();
    }

    /**
     * Ack latency of {@code sends}; a send not answered by {@code until} counts as waiting until then,
     * so a saturated cluster shows up here even if its acks arrive only after the fault.
     */
    static DrillSummary.Latency latencyOf(List<SendRecord> sends, long until) {
        List<Long> waits = sends.stream()
                .map(s -> s.isAcked() && s.ackedAt() <= until ? s.latency() : until - s.sentAt).toList();
        return new DrillSummary.Latency(ResumeTimes.percentile(waits, 0.5), ResumeTimes.percentile(waits, 0.99),
                waits.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static DrillSummary.Check check(String key, boolean passed, Object... args) {
        return new DrillSummary.Check(Messages.get(key + ".name"), passed, Messages.get(key + ".detail", args));
    }

    private void write(DrillSummary summary) throws IOException {
        Files.createDirectories(plan.reportDir());
        String base = "drill-" + summary.kind().toLowerCase(Locale.ROOT);
        Files.writeString(plan.reportDir().resolve(base + ".json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary), StandardCharsets.UTF_8);
        Files.writeString(plan.reportDir().resolve(base + ".html"), HtmlReport.render(summary), StandardCharsets.UTF_8);
    }

    private void say(String key, Object... args) {
        out.println(Messages.get(key, args));
        out.flush();
    }

    /** Account creation hashes passwords (Argon2, ~1 s under load): a few at a time. */
    private static void parallel(List<DrillClient> clients, java.util.function.Consumer<DrillClient> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            clients.forEach(c -> futures.add(pool.submit(() -> action.accept(c))));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
