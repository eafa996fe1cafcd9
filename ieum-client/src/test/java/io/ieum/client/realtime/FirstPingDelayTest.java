package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Clients that connect together must not all ping together (Connection.firstPingDelayMillis). */
class FirstPingDelayTest {

    @Test
    void firstPingsShouldSpreadEvenlyOverTheFirstIntervalAndStayInsideIt() {
        long every = 15_000;
        SplittableRandom random = new SplittableRandom(3);
        int[] perTenth = new int[10];
        for (int client = 0; client < 10_000; client++) {
            long delay = Connection.firstPingDelayMillis(every, random);
            assertThat(delay).as("client %d", client).isPositive().isLessThanOrEqualTo(every);
            perTenth[(int) Math.min(9, (delay - 1) / (every / 10))]++;
        }
        // 1,000 expected per tenth; a binomial spread stays well inside ±150.
        assertThat(Arrays.stream(perTenth).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }
}
