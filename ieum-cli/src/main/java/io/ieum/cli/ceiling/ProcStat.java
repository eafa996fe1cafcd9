package io.ieum.cli.ceiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of a process from {@code /proc/PID/stat}: the same figure for the
 * generator ({@code self}) and for a relay or server known by its pid.
 */
final class ProcStat {

    /** /proc reports in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick rate. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStat() {}

    static long cpuNanos(String pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", pid, "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
        // Field 2 (the command) is in parentheses and may hold spaces; fields 14 and 15 are utime and stime.
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(after[11]) + Long.parseLong(after[12])) * NANOS_PER_TICK;
    }
}
