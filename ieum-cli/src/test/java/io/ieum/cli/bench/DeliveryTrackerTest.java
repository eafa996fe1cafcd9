package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    @Test
    void messageShouldCountAsMissingUntilEveryMemberHasIt() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("m", 3, System.nanoTime());
        tracker.acked("m");
        tracker.delivered(0, "m");
        tracker.delivered(2, "m");

        assertThat(tracker.missing()).isEqualTo(1);

        tracker.delivered(1, "m");
        assertThat(tracker.missing()).isZero();
        assertThat(tracker.deliveries()).isEqualTo(3);
    }

    @Test
    void secondHandOverToTheSameMemberShouldCountAsDuplicateNotDelivery() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("m", 70, System.nanoTime());
        tracker.delivered(65, "m");
        tracker.delivered(65, "m");
        tracker.delivered(1, "m");

        assertThat(tracker.appDuplicates()).isEqualTo(1);
        assertThat(tracker.deliveries()).isEqualTo(2);
    }

    @Test
    void latencyShouldBeMeasuredFromTheDueTimeNotFromNow() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("late", 1, System.nanoTime() - 2_000_000_000L);
        tracker.delivered(0, "late");

        // HdrHistogram keeps three significant digits.
        assertThat(tracker.latency().getMinValue()).isGreaterThanOrEqualTo(1_995_000L);
    }
}
