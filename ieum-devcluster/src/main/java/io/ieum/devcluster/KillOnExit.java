package io.ieum.devcluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills registered node processes when this JVM exits, so a test run that crashes or is interrupted
 * leaves no Cassandra node behind holding ports and 1 GB of memory. One hook for the whole JVM.
 */
final class KillOnExit {

    private static final Set<ProcessHandle> PROCESSES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> PROCESSES.forEach(ProcessHandle::destroyForcibly), "ieum-devcluster-kill-on-exit"));
    }

    private KillOnExit() {}

    static void register(ProcessHandle process) {
        PROCESSES.add(process);
    }

    static void unregister(ProcessHandle process) {
        PROCESSES.remove(process);
    }
}
