package io.ieum.cli.ceiling;

import java.util.concurrent.locks.LockSupport;

/**
 * Another process's CPU (the relay's or Ieum server's, by pid) from a moment on: a daemon thread
 * reads it when the warm-up ends, {@link #sinceStart()} reads it again.
 */
final class CpuWatch {

    private final String pid;
    private volatile long atStart = -1;

    private CpuWatch(String pid) {
        this.pid = pid;
    }

    static CpuWatch from(long pid, long startNanos) {
        CpuWatch watch = new CpuWatch(Long.toString(pid));
        Thread thread = new Thread(() -> {
            long now;
            while ((now = System.nanoTime()) < startNanos) {
                LockSupport.parkNanos(startNanos - now);
            }
            watch.atStart = ProcStat.cpuNanos(watch.pid);
        }, "ceiling-cpu-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** CPU nanoseconds since the start, or -1 if the start was not reached. */
    long sinceStart() {
        long start = atStart;
        return start < 0 ? -1 : ProcStat.cpuNanos(pid) - start;
    }
}
