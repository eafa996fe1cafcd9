package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineBucketTest {

    @Test
    void acksShouldCountInTheSecondTheyArrivedAndLatencyInTheSecondTheSendWasMade() {
        SendRecord slow = new SendRecord(0, "r", "a", "t", 500);
        slow.acked(2_700);
        SendRecord quick = new SendRecord(1, "r", "b", "t", 600);
        quick.acked(620);
        SendRecord never = new SendRecord(2, "r", "c", "t", 1_100);

        List<TimelineBucket> buckets = TimelineBucket.of(List.of(slow, quick, never), 2_900);

        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0)).isEqualTo(new TimelineBucket(0, 1, 2_200, 2_200, 0));
        assertThat(buckets.get(1)).isEqualTo(new TimelineBucket(1, 0, 0, 0, 1));
        assertThat(buckets.get(2)).isEqualTo(new TimelineBucket(2, 1, 0, 0, 0));
    }
}
