package io.ieum.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time used by this whole JVM (every thread, user and system), so a generator can say what
 * each delivery cost it: on two shared cores that, not throughput, is the figure that compares runs.
 */
final class ProcessCpu {

    private ProcessCpu() {}

    /** Nanoseconds of CPU used by this process so far, or -1 where the JVM cannot tell. */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }
}
