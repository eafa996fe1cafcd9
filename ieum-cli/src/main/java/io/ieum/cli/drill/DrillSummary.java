package io.ieum.cli.drill;

import java.util.List;
import java.util.Map;

/**
 * The JSON summary of a drill (and what the HTML report shows). Times in milliseconds.
 * {@code ackLatencyBeforeFault}: the steady state the fault struck (a p99 near a second means the
 * machine, not the failover, set the resume times). {@code failovers}: the stricken site's clients,
 * step by step.
 */
record DrillSummary(String kind, int site, long seed, int clients, int rooms, double sendsPerSecondPerClient,
                    int sent, int acknowledged, Verdict verdict, Resume resume, Latency ackLatency,
                    Latency ackLatencyBeforeFault,
                    Map<String, Integer> errors, long reconnects, List<DrillEvent> events, String cutOffSideWasTold,
                    List<Check> checks, boolean passed, List<TimelineBucket> timeline, List<Failover> failovers) {

    record Resume(long p50, long p99, long max, Map<Integer, Long> perClient) {}

    record Latency(long p50, long p99, long max) {}

    record Check(String name, boolean passed, String detail) {}

    /**
     * How one client of the stricken site resumed: its connection's steps from the fault on
     * ({@link FailoverStep#at()} in drill milliseconds; {@code faultAt} to read them as offsets), and
     * the send that set its time to resume: made at {@code worstSentAt}, acknowledged at
     * {@code worstAckedAt} (-1: none, or never acknowledged).
     */
    record Failover(int client, long faultAt, long resumeMillis, long worstSentAt, long worstAckedAt,
                    List<FailoverStep> steps) {}
}
