package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void withoutARampSendsShouldBeEvenlySpacedFromTheStart() {
        SendSchedule schedule = new SendSchedule(1_000, 5 * SECOND, false);

        assertThat(schedule.dueOffsetNanos(0)).isZero();
        assertThat(schedule.dueOffsetNanos(1)).isEqualTo(1_000_000);
        assertThat(schedule.dueOffsetNanos(7_000)).isEqualTo(7 * SECOND);
    }

    @Test
    void aRampShouldStartAtATenthOfTheRateAndReachTheFullRateHalfwayThroughTheWarmUp() {
        SendSchedule schedule = new SendSchedule(1_000, 20 * SECOND, true);

        long firstGap = schedule.dueOffsetNanos(1) - schedule.dueOffsetNanos(0);
        assertThat(firstGap).isBetween(9_900_000L, 10_000_000L); // ~100/s at first
        // 10 s ramp from 100/s to 1,000/s: 5,500 sends, the last ones ~1 ms apart.
        assertThat(schedule.dueOffsetNanos(5_500)).isBetween(10 * SECOND - 1_000, 10 * SECOND + 1_000);
        long gapBeforeTheEnd = schedule.dueOffsetNanos(5_500) - schedule.dueOffsetNanos(5_499);
        assertThat(gapBeforeTheEnd).isBetween(1_000_000L, 1_010_000L);
        assertThat(schedule.dueOffsetNanos(6_500)).isBetween(11 * SECOND - 1_000, 11 * SECOND + 1_000);
        // Halfway through the ramp the rate is 550/s: 100·5 + 900·25/20 = 1,625 sends by then.
        assertThat(schedule.dueOffsetNanos(1_625)).isBetween(5 * SECOND - 1_000_000, 5 * SECOND + 1_000_000);
        // The second half of the warm-up and after it: the full rate.
        assertThat(schedule.dueOffsetNanos(15_500)).isBetween(20 * SECOND - 1_000, 20 * SECOND + 1_000);
        assertThat(SendSchedule.warmupWeight(true) * 20).isEqualTo(15.5);
    }

    @Test
    void dueTimesShouldNeverGoBackwards() {
        SendSchedule schedule = new SendSchedule(3_333, 7 * SECOND, true);
        long previous = -1;
        for (long i = 0; i < 40_000; i++) {
            long due = schedule.dueOffsetNanos(i);
            assertThat(due).as("send %d", i).isGreaterThanOrEqualTo(previous);
            previous = due;
        }
    }

    @Test
    void aRampWithoutAWarmUpShouldBeTheFullRateFromTheStart() {
        SendSchedule schedule = new SendSchedule(1_000, 0, true);

        assertThat(schedule.dueOffsetNanos(2_000)).isEqualTo(2 * SECOND);
    }

    @Test
    void aRateThatIsNotPositiveShouldBeRefused() {
        assertThatThrownBy(() -> new SendSchedule(0, SECOND, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate 0.0/s");
    }
}
