package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGSTOP and SIGCONT (the partition drill; LocalClusterTest leaving one site alone), returning
 * only once the kernel reports every process stopped (or running again). {@code kill} returning means the signal was sent, not that it took
 * effect: a drill that starts its "cut off" window when it sends the signal counts writes that reached
 * a majority in the milliseconds before the processes actually stopped.
 */
public final class Freezer {

    public static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private Freezer() {}

    /** Stops every process with one signal, then waits until each is in state T. */
    public static void stop(List<Long> pids) throws InterruptedException {
        signal("STOP", pids);
        await(pids, true);
    }

    /** Continues every process with one signal, then waits until none is in state T. */
    public static void resume(List<Long> pids) throws InterruptedException {
        signal("CONT", pids);
        await(pids, false);
    }

    /** Whether the kernel reports {@code pid} stopped by a signal (state T in /proc/PID/stat). */
    public static boolean stopped(long pid) {
        try {
            return stateOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII)) == 'T';
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("process " + pid + " is gone");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the state of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** The state letter of a /proc/PID/stat line; the command name before it may hold spaces and ')'. */
    static char stateOf(String statLine) {
        int close = requireNonNull(statLine, "statLine").lastIndexOf(')');
        if (close < 0 || close + 2 >= statLine.length()) {
            throw new IllegalArgumentException("statLine: " + statLine + " (expected: pid (comm) state ...)");
        }
        return statLine.charAt(close + 2);
    }

    private static void await(List<Long> pids, boolean stopped) throws InterruptedException {
        long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
        for (long pid : pids) {
            while (stopped(pid) != stopped) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("process " + pid + (stopped ? " did not stop" : " did not continue")
                            + " within " + CONFIRM_TIMEOUT);
                }
                Thread.sleep(5);
            }
        }
    }

    private static void signal(String signal, List<Long> pids) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": exit code " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }
}
