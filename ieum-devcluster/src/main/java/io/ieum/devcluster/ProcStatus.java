package io.ieum.devcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a process's memory and command line from Linux's /proc. (ProcessHandle.info() comes back
 * empty for other processes in some sandboxes, so it cannot be relied on.)
 */
final class ProcStatus {

    private ProcStatus() {}

    static OptionalLong vmRssKib(long pid) {
        try {
            return parseVmRssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The "VmRSS:   123456 kB" line. */
    static OptionalLong parseVmRssKib(String status) {
        return status.lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring("VmRSS:".length()).replace("kB", "").trim())
                .mapToLong(Long::parseLong)
                .findFirst();
    }

    /** The arguments of a process, program first; empty where /proc is not readable. */
    static Optional<List<String>> commandLine(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(Arrays.asList(raw.split("\0")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
