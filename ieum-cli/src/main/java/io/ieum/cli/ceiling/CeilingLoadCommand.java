package io.ieum.cli.ceiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.ieum.cli.ExitCodes;
import io.ieum.cli.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ieum ceiling load}: open-loop load on a relay of {@code ieum ceiling serve}. */
@Command(name = "load", mixinStandardHelpOptions = true)
public final class CeilingLoadCommand implements Callable<Integer> {

    /** Time for the children to read {@code go} before the first send falls due. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    @Spec
    CommandSpec spec;

    @Option(names = "--server", defaultValue = "ws://127.0.0.1:8090/ws", paramLabel = "URL",
            descriptionKey = "ceiling.option.server")
    URI server;

    @Option(names = "--users", defaultValue = "200", descriptionKey = "ceiling.option.users")
    int users;

    @Option(names = "--group-size", defaultValue = "10", descriptionKey = "ceiling.option.groupSize")
    int groupSize;

    @Option(names = "--rate", defaultValue = "1000", descriptionKey = "ceiling.option.rate")
    double rate;

    @Option(names = "--duration", defaultValue = "20", paramLabel = "SECONDS", descriptionKey = "ceiling.option.duration")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "SECONDS", descriptionKey = "ceiling.option.warmup")
    int warmupSeconds;

    @Option(names = "--processes", defaultValue = "1", paramLabel = "K", descriptionKey = "ceiling.option.processes")
    int processes;

    @Option(names = "--send-tick", defaultValue = "0", paramLabel = "MICROSECONDS", descriptionKey = "ceiling.option.sendTick")
    int sendTickMicros;

    @Option(names = "--io-threads", paramLabel = "N", descriptionKey = "ceiling.option.ioThreads")
    Integer ioThreads;

    @Option(names = "--server-pid", paramLabel = "PID", descriptionKey = "ceiling.option.serverPid")
    Long serverPid;

    /** Set on the children of a {@code --processes} run: which share to carry. */
    @Option(names = "--child-process", paramLabel = "P", hidden = true)
    Integer childProcess;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadShare first;
        try {
            first = share(childProcess != null ? childProcess : 0);
        } catch (IllegalArgumentException e) {
            err.println(Messages.get("error.invalid", e.getMessage()));
            return 2;
        }
        if (childProcess != null) {
            return runChild(first, out);
        }
        out.println(Messages.get("ceiling.plan", users, groupSize, users / groupSize, processes,
                Long.toString(Math.round(rate)), durationSeconds, warmupSeconds, Transport.epoll() ? "epoll" : "nio"));
        out.flush();
        LoadResult result;
        CpuWatch serverCpu;
        if (processes == 1) {
            try (LoadRun run = new LoadRun(first)) {
                if (!connected(run, err)) {
                    return ExitCodes.FAILED;
                }
                long start = System.nanoTime() + START_DELAY_NANOS;
                serverCpu = watchServer(start);
                result = run.run(start);
            }
        } else {
            try (LoadProcesses children = LoadProcesses.start(processes, childArgs())) {
                children.awaitReady();
                long start = System.nanoTime() + START_DELAY_NANOS;
                children.go(start);
                serverCpu = watchServer(start);
                result = children.results();
            }
        }
        long serverCpuNanos = serverCpu == null ? -1 : serverCpu.sinceStart();
        LoadReport.print(out, result, rate, durationSeconds, serverPid == null ? -1 : serverPid, serverCpuNanos);
        boolean exact = result.exact() == result.sends() && result.misrouted() == 0 && result.received() == result.expected();
        return exact ? 0 : 1;
    }

    private LoadShare share(int process) {
        int threads = ioThreads != null ? ioThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / processes);
        return LoadShare.of(server, users, groupSize, rate, process, processes, durationSeconds, warmupSeconds,
                sendTickMicros, threads);
    }

    /** Connects every socket; says so in a line and returns false if the relay is not there. */
    private boolean connected(LoadRun run, PrintWriter err) throws Exception {
        try {
            run.connect();
            return true;
        } catch (ConnectException refused) {
            err.println(Messages.get("ceiling.unreachable", server, refused.getMessage()));
            err.flush();
            return false;
        }
    }

    private CpuWatch watchServer(long start) {
        return serverPid == null ? null : CpuWatch.from(serverPid, start + TimeUnit.SECONDS.toNanos(warmupSeconds));
    }

    /** A child: join, say so, wait for the start, run, print the result line. */
    private int runChild(LoadShare share, PrintWriter out) throws Exception {
        try (LoadRun run = new LoadRun(share)) {
            if (!connected(run, spec.commandLine().getErr())) {
                return ExitCodes.FAILED;
            }
            out.println(LoadProcesses.READY);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith(LoadProcesses.GO)) {
                // nothing else is sent to a child
            }
            if (line == null) {
                return 1;
            }
            LoadResult result = run.run(Long.parseLong(line.substring(LoadProcesses.GO.length()).trim()));
            out.println(LoadProcesses.RESULT + result.toLine());
            out.flush();
        }
        return 0;
    }

    private List<String> childArgs() {
        List<String> args = new ArrayList<>(List.of("--server", server.toString(), "--users", Integer.toString(users),
                "--group-size", Integer.toString(groupSize), "--rate", Double.toString(rate),
                "--duration", Integer.toString(durationSeconds), "--warmup", Integer.toString(warmupSeconds),
                "--processes", Integer.toString(processes), "--send-tick", Integer.toString(sendTickMicros)));
        if (ioThreads != null) {
            args.addAll(List.of("--io-threads", Integer.toString(ioThreads)));
        }
        return args;
    }
}
