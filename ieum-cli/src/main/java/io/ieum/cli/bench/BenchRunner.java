package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import io.ieum.cli.ChildJvm;
import io.ieum.cli.Messages;
import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;

/**
 * Runs one {@link BenchPlan}: sets up users and rooms, starts the generator processes (this one and
 * {@code processes - 1} children), starts them sending at one moment, and merges what they counted.
 */
public final class BenchRunner {

    private final BenchPlan plan;
    private final PrintWriter progress;
    private final TokenCache tokens;

    /** @param tokensFile where bench users' tokens are kept between runs, or null */
    public BenchRunner(BenchPlan plan, PrintWriter progress, Path tokensFile) {
        this.plan = requireNonNull(plan, "plan");
        this.progress = requireNonNull(progress, "progress");
        this.tokens = tokensFile == null ? null : new TokenCache(tokensFile);
    }

    public BenchReport run() throws InterruptedException, IOException {
        ClientOptions options = ClientOptions.builder().servers(plan.servers()).deviceName("ieum-bench")
                .requestTimeout(Duration.ofSeconds(60)).build();
        try (IeumClient root = IeumClient.create(options)) {
            BenchSetup.Users users = new BenchSetup(plan, this::say, tokens).run(root);
            List<WorkerShare> shares = BenchShares.split(plan, users);
            OptionalLong heapBefore = ServerHeap.usedBytes(root);
            say(Messages.get("bench.connecting", plan.connections(), plan.processes()));
            Path dir = Files.createTempDirectory("ieum-bench");
            List<WorkerProcess> children = new ArrayList<>();
            try {
                for (WorkerShare share : shares.subList(1, shares.size())) {
                    children.add(WorkerProcess.start(share, dir));
                }
                CompletableFuture<Void> localReady = new CompletableFuture<>();
                CompletableFuture<Long> start = new CompletableFuture<>();
                CompletableFuture<WorkerResult> local = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new LoadWorker(shares.get(0), this::say).run(() -> {
                            localReady.complete(null);
                            return start.join();
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }, task -> {
                    Thread t = new Thread(task, "ieum-bench-worker-0");
                    t.setDaemon(true);
                    t.start();
                });
                CompletableFuture.anyOf(localReady, local).join();
                for (WorkerProcess child : children) {
                    child.awaitReady();
                }
                OptionalLong heapAfter = ServerHeap.usedBytes(root);
                say(Messages.get("bench.sending", plan.totalSends(), plan.ratePerSecond(), plan.duration().toSeconds()));
                long go = System.currentTimeMillis() + 500;
                for (WorkerProcess child : children) {
                    child.go(go);
                }
                start.complete(go);
                List<WorkerResult> results = new ArrayList<>();
                results.add(join(local));
                for (WorkerProcess child : children) {
                    results.add(child.result());
                }
                long heapPerConnection = heapBefore.isPresent() && heapAfter.isPresent()
                        ? (heapAfter.getAsLong() - heapBefore.getAsLong()) / plan.connections() : -1;
                return merge(results, heapPerConnection);
            } finally {
                children.forEach(WorkerProcess::close);
                deleteTree(dir);
            }
        }
    }

    private synchronized void say(String line) {
        progress.println(line);
        progress.flush();
    }

    /**
     * Adds the processes up. Rates are those of the measured part: the sends due after the warm-up
     * (the ones timed) and their deliveries, over the window from the warm-up's end to the last ack or
     * delivery anywhere, so a server that falls behind shows a lower rate instead of hiding its
     * backlog in the grace period, and a warm-up that ramps up does not dilute the rate.
     */
    BenchReport merge(List<WorkerResult> results, long heapPerConnection) {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        Histogram ackLatency = new Histogram(3_600_000_000L, 3);
        long attempted = 0, acked = 0, failed = 0, deliveries = 0, undelivered = 0, lost = 0, raw = 0, app = 0, reconnects = 0, lag = 0;
        int connections = 0;
        long cpuNanos = 0;
        long measuredCpuNanos = 0;
        double lastMillis = plan.duration().toMillis();
        for (WorkerResult r : results) {
            latency.add(LoadWorker.decode(r.latency()));
            ackLatency.add(LoadWorker.decode(r.ackLatency()));
            attempted += r.attempted();
            acked += r.acked();
            failed += r.failed();
            deliveries += r.deliveries();
            undelivered += r.undelivered();
            lost = lost < 0 || r.lost() < 0 ? -1 : lost + r.lost();
            raw += r.rawDuplicates();
            app += r.appDuplicates();
            reconnects += r.reconnects();
            connections += r.connections();
            lag = Math.max(lag, r.maxSendLagMicros());
            lastMillis = Math.max(lastMillis, r.lastEventMillis());
            cpuNanos = cpuNanos < 0 || r.cpuNanos() < 0 ? -1 : cpuNanos + r.cpuNanos();
            measuredCpuNanos = measuredCpuNanos < 0 || r.measuredCpuNanos() < 0 ? -1 : measuredCpuNanos + r.measuredCpuNanos();
        }
        List<long[]> timelines = results.stream().map(WorkerResult::timeline).toList();
        int timelineSeconds = timelines.stream().mapToInt(t -> t.length / LatencyTimeline.FIELDS).max().orElse(0);
        double cpuPerDelivery = cpuNanos < 0 || deliveries == 0 ? -1 : cpuNanos / 1000.0 / deliveries;
        long timedDeliveries = latency.getTotalCount();
        double measuredCpuPerDelivery = measuredCpuNanos < 0 || timedDeliveries == 0 ? -1
                : measuredCpuNanos / 1000.0 / timedDeliveries;
        double seconds = Math.max(lastMillis - plan.warmup().toMillis(), plan.duration().toMillis()) / 1000.0;
        return new BenchReport(attempted, acked, failed, ackLatency.getTotalCount() / seconds, deliveries,
                timedDeliveries / seconds,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
                latency.getMaxValue(), ackLatency.getValueAtPercentile(99), undelivered, lost, raw, app, reconnects,
                heapPerConnection, results.size(), connections, lag, cpuNanos < 0 ? -1 : cpuNanos / 1_000_000,
                cpuPerDelivery, measuredCpuPerDelivery, String.join(" ", ChildJvm.inheritedFlags(ManagementFactory.getRuntimeMXBean().getInputArguments())),
                BenchReport.FROM_INTENDED_SEND, plan.warmup().toSeconds(), plan.rampUp(), plan.sendTick().toNanos() / 1000,
                LatencyTimeline.seconds(LatencyTimeline.merge(timelines, timelineSeconds)));
    }

    private static WorkerResult join(CompletableFuture<WorkerResult> local) throws InterruptedException {
        try {
            return local.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
