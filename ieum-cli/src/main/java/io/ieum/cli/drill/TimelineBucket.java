package io.ieum.cli.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * One second of the drill: acknowledgements received in it, and the ack latency of the sends made
 * in it (p99 and max; -1 where a send of that second was never acknowledged).
 */
record TimelineBucket(long second, int acks, long p99Millis, long maxMillis, int unacknowledged) {

    static List<TimelineBucket> of(List<SendRecord> sends, long endMillis) {
        int seconds = (int) (endMillis / 1000) + 1;
        List<List<Long>> latencies = new ArrayList<>();
        int[] acks = new int[seconds];
        int[] unacked = new int[seconds];
        for (int s = 0; s < seconds; s++) {
            latencies.add(new ArrayList<>());
        }
        for (SendRecord send : sends) {
            int sentSecond = (int) Math.min(seconds - 1, send.sentAt / 1000);
            if (send.isAcked()) {
                acks[(int) Math.min(seconds - 1, send.ackedAt() / 1000)]++;
                latencies.get(sentSecond).add(send.latency());
            } else {
                unacked[sentSecond]++;
            }
        }
        List<TimelineBucket> buckets = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            List<Long> l = latencies.get(s);
            long max = l.stream().mapToLong(Long::longValue).max().orElse(0);
            buckets.add(new TimelineBucket(s, acks[s], ResumeTimes.percentile(l, 0.99), max, unacked[s]));
        }
        return buckets;
    }
}
