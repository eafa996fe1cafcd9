package io.ieum.cli.bench;

import java.util.List;

/**
 * The result of a bench run, all generator processes together. The rates are those of the measured
 * part (sends due after the warm-up, see {@link BenchRunner#merge}). Latencies are in microseconds,
 * from the time a send was due by the open-loop schedule ({@code latencyFrom}) to its receipt on
 * another member's connection, or to its ack. {@code heapPerConnectionBytes} is negative when the
 * server does not expose it.
 *
 * @param undelivered      acknowledged messages that some member's connection never received
 * @param lost             of those, how many are not in their room's history either: lost for real
 *                         (-1 if the history could not be read); the others were stored and only not pushed
 * @param rawDuplicates    deliveries received again on the same connection, before de-duplication
 * @param appDuplicates    deliveries handed to the application twice (must be 0)
 * @param maxSendLagMicros how far the slowest sender fell behind its schedule
 * @param generatorCpuMillis CPU time of all generator processes together from the common start
 *                           until each stopped waiting (-1 if a process could not tell)
 * @param generatorCpuMicrosPerDelivery that CPU time divided by the deliveries (-1 if unknown or none)
 * @param generatorMeasuredCpuMicrosPerDelivery the generators' CPU time from the first send due after the warm-up
 *                          to the end, divided by the deliveries of the sends due then (the timed ones):
 *                          the steady state, without the JIT's and the set-up's first seconds (-1 if unknown or none)
 * @param generatorJvmFlags the heap, GC, JIT and leak-detection flags every generator process ran with
 *                          (the JIT is much of a short run's CPU), empty for the JVM's defaults
 * @param warmupSeconds    seconds of sending at the start whose latencies are not in the percentiles
 * @param rampUp           whether the warm-up raised the rate from a tenth to the full rate
 * @param sendTickMicros   the senders' shortest sleep (see {@link BenchPlan#sendTick()}); 0 = every send on time
 * @param timeline         per second of the schedule (warm-up first): deliveries, how many took over
 *                         25 ms, the slowest
 */
public record BenchReport(long attempted, long acked, long failed, double ackedPerSecond, long deliveries,
                          double deliveriesPerSecond, long latencyP50Micros, long latencyP99Micros,
                          long latencyP999Micros, long latencyMaxMicros, long ackP99Micros, long undelivered, long lost,
                          long rawDuplicates, long appDuplicates, long reconnects, long heapPerConnectionBytes,
                          int processes, int connections, long maxSendLagMicros, long generatorCpuMillis,
                          double generatorCpuMicrosPerDelivery, double generatorMeasuredCpuMicrosPerDelivery,
                          String generatorJvmFlags, String latencyFrom,
                          long warmupSeconds, boolean rampUp, long sendTickMicros, List<TimelineSecond> timeline) {

    static final String FROM_INTENDED_SEND = "intended send time (open loop, no coordinated omission)";
}
