package io.ieum.cli.bench;

/**
 * What one generator process measured. Histograms are HdrHistogram's compressed encoding, in Base64,
 * so the parent can add them up exactly. {@code lastEventMillis} is from the common start;
 * {@code cpuNanos} is the process's CPU time over its sending and waiting (-1 if unknown),
 * {@code measuredCpuNanos} the part of it from the warm-up's end (-1 if unknown);
 * {@code timeline} its {@link LatencyTimeline} counters. {@code undelivered} counts acknowledged messages
 * some connection never received; {@code lost} how many of those are not in their room's history
 * either (-1 if it could not be read).
 */
public record WorkerResult(int index, int connections, long attempted, long acked, long failed, long deliveries,
                           long undelivered, long lost, long rawDuplicates, long appDuplicates, long reconnects, double lastEventMillis,
                           long maxSendLagMicros, long cpuNanos, long measuredCpuNanos, String latency, String ackLatency,
                           long[] timeline) {}
