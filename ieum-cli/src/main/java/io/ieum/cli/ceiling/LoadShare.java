package io.ieum.cli.ceiling;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The part of a load run one generator process carries: its users (whole groups, so that every
 * delivery of its sends arrives at its own connections) and every {@code processes}-th send of the
 * common schedule, starting with send number {@code process}, so the processes' sends interleave.
 */
record LoadShare(URI server, int users, int groupSize, int firstGroup, double rate, int process, int processes,
                 int durationSeconds, int warmupSeconds, int sendTickMicros, int ioThreads) {

    LoadShare {
        if (users < groupSize || users % groupSize != 0 || groupSize < 1 || !(rate > 0) || durationSeconds < 1
                || warmupSeconds < 0 || process < 0 || process >= processes) {
            throw new IllegalArgumentException("users " + users + " in groups of " + groupSize + ", rate " + rate
                    + "/s, duration " + durationSeconds + " s, warm-up " + warmupSeconds + " s, process " + process
                    + " of " + processes);
        }
    }

    /** Share {@code process} of a run of {@code totalUsers} users over {@code processes} processes. */
    static LoadShare of(URI server, int totalUsers, int groupSize, double rate, int process, int processes,
                        int durationSeconds, int warmupSeconds, int sendTickMicros, int ioThreads) {
        if (totalUsers % (groupSize * processes) != 0) {
            throw new IllegalArgumentException(totalUsers + " users do not split into whole groups of " + groupSize
                    + " over " + processes + " processes");
        }
        int users = totalUsers / processes;
        return new LoadShare(server, users, groupSize, process * users / groupSize, rate, process, processes,
                durationSeconds, warmupSeconds, sendTickMicros, ioThreads);
    }

    /** Sends of the whole run (all processes), warm-up included. */
    long totalSends() {
        return (long) (rate * (durationSeconds + warmupSeconds));
    }

    /** This process's sends: global numbers process, process + processes, ... below {@link #totalSends()}. */
    int sends() {
        long total = totalSends();
        return (int) (total <= process ? 0 : (total - process + processes - 1) / processes);
    }

    /** Nanoseconds from the start until this process's send {@code j} is due. */
    long dueOffsetNanos(long j) {
        return (long) ((j * processes + process) * (1e9 / rate));
    }

    long warmupNanos() {
        return TimeUnit.SECONDS.toNanos(warmupSeconds);
    }

    long sendTickNanos() {
        return TimeUnit.MICROSECONDS.toNanos(sendTickMicros);
    }
}
