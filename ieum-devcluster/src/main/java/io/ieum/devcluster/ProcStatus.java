package io.ieum.devcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads memory figures of a process from Linux's /proc/<pid>/status. */
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
}
