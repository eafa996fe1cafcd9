package io.ieum.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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

    @Option(names = "--grace", defaultValue = "10", paramLabel = "SECONDS", descriptionKey = "bench.option.grace")
    int graceSeconds;

    @Option(names = "--prefix", descriptionKey = "bench.option.prefix")
    String prefix;

    @Option(names = "--bind", split = ",", paramLabel = "ADDRESS", descriptionKey = "bench.option.bind")
    List<String> bind = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", descriptionKey = "bench.option.json")
    Path json;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!bind.isEmpty()) {
            // java.net.http.HttpClient gains localAddress only in JDK 19; on 17 there is no way to pick the source.
            err.println(Messages.get("bench.bindUnsupported", String.join(",", bind)));
        }
        List<URI> sites = servers.isEmpty() ? List.of(URI.create("http://127.0.0.1:8080")) : servers;
        String runPrefix = prefix != null ? prefix : "bench" + Long.toString(System.currentTimeMillis(), 36);
        BenchPlan plan;
        try {
            plan = new BenchPlan(sites, runPrefix, users, groupSize, rate, Duration.ofSeconds(durationSeconds),
                    connections == null ? users / groupSize * groupSize : connections, Duration.ofSeconds(graceSeconds));
        } catch (IllegalArgumentException e) {
            err.println(Messages.get("error.invalid", e.getMessage()));
            return 2;
        }
        BenchReport report = new BenchRunner(plan, out).run();
        BenchTable.print(report, out);
        if (json != null) {
            Files.writeString(json, Json.write(report));
        }
        return report.lost() == 0 && report.appDuplicates() == 0 && report.failed() == 0 ? 0 : 1;
    }
}
