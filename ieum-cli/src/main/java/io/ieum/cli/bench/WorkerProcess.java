package io.ieum.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ieum.cli.ChildJvm;
import io.ieum.client.Json;

/**
 * A child JVM of the same jar running one {@link WorkerShare} ({@code ieum bench --worker FILE}).
 * It talks on its standard streams: it prints {@code @bench ready} and later {@code @bench result
 * JSON}; it reads {@code go EPOCH_MILLIS}. Its progress goes to its (inherited) standard error.
 */
final class WorkerProcess implements AutoCloseable {

    static final String READY = "@bench ready";
    static final String RESULT = "@bench result ";
    static final String GO = "go ";

    private final int index;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private WorkerProcess(int index, Process process) {
        this.index = index;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Writes the share (it holds tokens) to an owner-only file in {@code dir} and starts the child. */
    static WorkerProcess start(WorkerShare share, Path dir) {
        try {
            Path file = dir.resolve("worker-" + share.index() + ".json");
            Files.writeString(file, Json.write(share));
            List<String> command = ChildJvm.command(List.of("bench", "--worker", file.toString()));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new WorkerProcess(share.index(), process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bench worker " + share.index(), e);
        }
    }

    void awaitReady() throws IOException {
        readUntil(READY);
    }

    void go(long startEpochMillis) throws IOException {
        in.write(GO + startEpochMillis + "\n");
        in.flush();
    }

    WorkerResult result() throws IOException {
        String line = readUntil(RESULT);
        return Json.mapper().readValue(line.substring(RESULT.length()), WorkerResult.class);
    }

    private String readUntil(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        throw new IOException("bench worker " + index + " exited with code " + code + " before '" + prefix.trim() + "'");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
        }
    }
}
