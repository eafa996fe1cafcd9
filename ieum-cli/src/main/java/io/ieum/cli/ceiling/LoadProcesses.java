package io.ieum.cli.ceiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.ieum.cli.ChildJvm;

/**
 * The child JVMs of a {@code --processes K} run, one per share, each started as {@code ieum ceiling
 * load ... --child-process P} from this same jar. A child prints {@link #READY} once its sockets
 * have joined, waits for {@code go NANOS} (a {@code System.nanoTime()} value: the monotonic clock is
 * the machine's, the same in every process), and prints {@link #RESULT} and its result line.
 */
final class LoadProcesses implements AutoCloseable {

    static final String READY = "@ceiling ready";
    static final String RESULT = "@ceiling result ";
    static final String GO = "go ";

    private final List<Process> processes = new ArrayList<>();

    /** Starts one child per process; {@code loadArgs} are the load options without {@code --processes}' meaning changed. */
    static LoadProcesses start(int count, List<String> loadArgs) throws IOException {
        LoadProcesses children = new LoadProcesses();
        for (int p = 0; p < count; p++) {
            List<String> args = new ArrayList<>(List.of("ceiling", "load"));
            args.addAll(loadArgs);
            args.addAll(List.of("--child-process", Integer.toString(p)));
            List<String> command = ChildJvm.command(args);
            children.processes.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        return children;
    }

    void awaitReady() throws IOException {
        for (int p = 0; p < processes.size(); p++) {
            readUntil(p, READY);
        }
    }

    void go(long startNanos) throws IOException {
        for (Process process : processes) {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write(GO + startNanos + "\n");
            in.flush();
        }
    }

    /** Every child's result, merged. */
    LoadResult results() throws IOException {
        LoadResult merged = null;
        for (int p = 0; p < processes.size(); p++) {
            LoadResult result = LoadResult.fromLine(readUntil(p, RESULT).substring(RESULT.length()));
            merged = merged == null ? result : merged.merge(result);
        }
        return merged;
    }

    private final List<BufferedReader> outputs = new ArrayList<>();

    private String readUntil(int p, String prefix) throws IOException {
        while (outputs.size() <= p) {
            outputs.add(new BufferedReader(new InputStreamReader(processes.get(outputs.size()).getInputStream(),
                    StandardCharsets.UTF_8)));
        }
        String line;
        while ((line = outputs.get(p).readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("load process " + p + " ended before '" + prefix.trim() + "'");
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
    }
}
