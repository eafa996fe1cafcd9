package io.ieum.cli.bench;

/**
 * The result of a bench run. Latencies are from send to receipt on another member's connection, in
 * microseconds. {@code heapPerConnectionBytes} is negative when the server does not expose it.
 *
 * @param lost            acknowledged messages that some member's connection never received
 * @param rawDuplicates   deliveries received again on the same connection, before de-duplication
 * @param appDuplicates   deliveries handed to the application twice (must be 0)
 */
public record BenchReport(long attempted, long acked, long failed, double ackedPerSecond, long deliveries,
                          double deliveriesPerSecond, long latencyP50Micros, long latencyP99Micros,
                          long latencyP999Micros, long latencyMaxMicros, long ackP99Micros, long lost,
                          long rawDuplicates, long appDuplicates, long reconnects, long heapPerConnectionBytes) {}
