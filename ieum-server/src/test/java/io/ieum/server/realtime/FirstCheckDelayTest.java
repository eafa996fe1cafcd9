package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Sockets that connect together must not all be checked together (Connection.firstCheckDelayNanos). */
class FirstCheckDelayTest {

    @Test
    void firstChecksShouldSpreadEvenlyOverTheFirstIntervalAndStayInsideIt() {
        Duration interval = Duration.ofSeconds(60);
        long nanos = interval.toNanos();
        SplittableRandom random = new SplittableRandom(7);
        int[] perTenth = new int[10];
        for (int socket = 0; socket < 10_000; socket++) {
            long delay = Connection.firstCheckDelayNanos(interval, random);
            assertThat(delay).as("socket %d", socket).isPositive().isLessThanOrEqualTo(nanos);
            perTenth[(int) Math.min(9, (delay - 1) / (nanos / 10))]++;
        }
        // 1,000 expected per tenth; a binomial spread stays well inside ±150.
        assertThat(Arrays.stream(perTenth).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }
}
