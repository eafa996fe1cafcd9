package io.ieum.cli.bench;

/**
 * What one generator process measured. Histograms are HdrHistogram's compressed encoding, in Base64,
 * so the parent can add them up exactly. {@code lastEventMillis} is from the common start.
 */
public record WorkerResult(int index, int connections, long attempted, long acked, long failed, long deliveries,
                           long lost, long rawDuplicates, long appDuplicates, long reconnects, double lastEventMillis,
                           long maxSendLagMicros, String latency, String ackLatency) {}
