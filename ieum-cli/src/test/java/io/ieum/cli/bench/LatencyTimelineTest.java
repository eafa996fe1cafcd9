package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyTimelineTest {

    private static final long START = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachDeliveryShouldCountInTheSecondItsSendWasDue() {
        LatencyTimeline timeline = new LatencyTimeline(START, 3);

        timeline.record(START + 10, 2_000);
        timeline.record(START + SECOND - 1, 30_000);
        timeline.record(START + 2 * SECOND, 400_000);
        timeline.record(START + 2 * SECOND + 5, 1_000);

        assertThat(LatencyTimeline.seconds(timeline.counts())).containsExactly(
                new TimelineSecond(0, 2, 1, 30_000),
                new TimelineSecond(2, 2, 1, 400_000));
    }

    @Test
    void sendsDueOutsideTheScheduleShouldCountInItsFirstOrLastSecond() {
        LatencyTimeline timeline = new LatencyTimeline(START, 2);

        timeline.record(START - SECOND, 1_000);
        timeline.record(START + 10 * SECOND, 26_000);

        assertThat(LatencyTimeline.seconds(timeline.counts())).containsExactly(
                new TimelineSecond(0, 1, 0, 1_000),
                new TimelineSecond(1, 1, 1, 26_000));
    }

    @Test
    void countsFromSeveralThreadsShouldAddUp() throws InterruptedException {
        LatencyTimeline timeline = new LatencyTimeline(START, 1);
        Thread other = new Thread(() -> timeline.record(START, 50_000));
        other.start();
        other.join();

        timeline.record(START, 10_000);

        assertThat(LatencyTimeline.seconds(timeline.counts())).containsExactly(new TimelineSecond(0, 2, 1, 50_000));
    }

    @Test
    void mergeShouldAddCountsTakeTheSlowestAndReadShorterPartsAsZeros() {
        long[] oneSecond = {10, 1, 30_000};
        long[] twoSeconds = {5, 2, 80_000, 7, 0, 9_000};

        long[] merged = LatencyTimeline.merge(List.of(oneSecond, twoSeconds), 2);

        assertThat(merged).containsExactly(15, 3, 80_000, 7, 0, 9_000);
    }

    @Test
    void theTableShouldNameTheWorstSecondsFirst() {
        List<TimelineSecond> timeline = List.of(
                new TimelineSecond(0, 1_000, 0, 9_000),
                new TimelineSecond(1, 1_000, 500, 700_000),
                new TimelineSecond(2, 1_000, 20, 40_000),
                new TimelineSecond(3, 1_000, 5, 30_000));

        String line = BenchTable.slowSeconds(timeline);

        assertThat(line).startsWith("2 of 4 s").contains("s1: 50.0% slow, slowest 700.00 ms, s2: 2.0% slow")
                .doesNotContain("s3:").doesNotContain("s0:");
    }
}
