package io.ieum.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.ieum.cli.Messages;
import io.ieum.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ieum bench}: load a loopback server and report throughput, latency, losses and duplicates. */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", descriptionKey = "option.server")
    List<URI> servers = new ArrayList<>();

    @Option(names = "--spread", descriptionKey = "bench.option.spread")
    boolean spread;

    @Option(names = "--users", defaultValue = "100", descriptionKey = "bench.option.users")
    int users;

    @Option(names = "--group-size", defaultValue = "10", descriptionKey = "bench.option.groupSize")
    int groupSize;

    @Option(names = "--rate", defaultValue = "100", descriptionKey = "bench.option.rate")
    int rate;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS", descriptionKey = "bench.option.duration")
    int durationSeconds;

    @Option(names = "--connections", paramLabel = "C", descriptionKey = "bench.option.connections")
    Integer connections;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "SECONDS", descriptionKey = "bench.option.warmup")
    int warmupSeconds;

    @Option(names = "--ramp-up", descriptionKey = "bench.option.rampUp")
    boolean rampUp;

    @Option(names = "--send-tick", defaultValue = "0", paramLabel = "MICROSECONDS", descriptionKey = "bench.option.sendTick")
    int sendTickMicros;

    @Option(names = "--grace", defaultValue = "10", paramLabel = "SECONDS", descriptionKey = "bench.option.grace")
    int graceSeconds;

    @Option(names = "--prefix", descriptionKey = "bench.option.prefix")
    String prefix;

    @Option(names = "--processes", defaultValue = "1", paramLabel = "N", descriptionKey = "bench.option.processes")
    int processes;

    @Option(names = "--bind", split = ",", paramLabel = "ADDRESS", descriptionKey = "bench.option.bind")
    List<String> bind = new ArrayList<>();

    @Option(names = "--io-threads", paramLabel = "N", descriptionKey = "bench.option.ioThreads")
    Integer ioThreads;

    @Option(names = "--tokens", paramLabel = "FILE", descriptionKey = "bench.option.tokens")
    Path tokens;

    @Option(names = "--json", paramLabel = "FILE", descriptionKey = "bench.option.json")
    Path json;

    /** Set by the parent of a multi-process run on its children: the share to run. */
    @Option(names = "--worker", paramLabel = "FILE", hidden = true)
    Path worker;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (worker != null) {
            return runWorker(out, err);
        }
        List<URI> sites = servers.isEmpty() ? List.of(URI.create("http://127.0.0.1:8080")) : servers;
        String runPrefix = prefix != null ? prefix : "bench" + Long.toString(System.currentTimeMillis(), 36);
        BenchPlan plan;
        try {
            plan = new BenchPlan(sites, runPrefix, users, groupSize, rate, Duration.ofSeconds(durationSeconds),
                    connections == null ? users / groupSize * groupSize : connections, Duration.ofSeconds(graceSeconds),
                    processes, addresses(), ioThreads != null ? ioThreads
                            : Math.max(1, Runtime.getRuntime().availableProcessors() / processes),
                    Duration.ofSeconds(warmupSeconds), spread, Duration.ofNanos(sendTickMicros * 1000L), rampUp);
        } catch (IllegalArgumentException e) {
            err.println(Messages.get("error.invalid", e.getMessage()));
            return 2;
        }
        BenchReport report = new BenchRunner(plan, out, tokens).run();
        BenchTable.print(report, out);
        if (json != null) {
            Files.writeString(json, Json.write(report));
        }
        return report.undelivered() == 0 && report.lost() == 0 && report.appDuplicates() == 0 && report.failed() == 0 ? 0 : 1;
    }

    /**
     * Source addresses: as given, or with several processes 127.0.0.2, 127.0.0.3, ... one each, so
     * that no single source address runs out of ephemeral ports.
     */
    private List<InetAddress> addresses() throws UnknownHostException {
        List<InetAddress> list = new ArrayList<>();
        if (bind.isEmpty() && processes > 1) {
            for (int p = 0; p < processes; p++) {
                list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (p + 2)}));
            }
        }
        for (String b : bind) {
            list.add(InetAddress.getByName(b));
        }
        return list;
    }

    /** A child process: run the share, talking to the parent over stdin/stdout (see {@link WorkerProcess}). */
    private int runWorker(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        WorkerShare share = Json.mapper().readValue(worker.toFile(), WorkerShare.class);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WorkerResult result = new LoadWorker(share, line -> {
            err.println("[" + share.index() + "] " + line);
            err.flush();
        }).run(() -> {
            out.println(WorkerProcess.READY);
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null || !line.startsWith(WorkerProcess.GO)) {
                throw new IllegalStateException("worker " + share.index() + ": no start from the parent");
            }
            return Long.parseLong(line.substring(WorkerProcess.GO.length()).trim());
        });
        out.println(WorkerProcess.RESULT + Json.write(result));
        out.flush();
        return 0;
    }
}
