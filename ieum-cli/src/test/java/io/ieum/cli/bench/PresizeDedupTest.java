package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresizeDedupTest {

    private static final long GIB = 1L << 30;

    @Test
    void aLoadRunsHundredConnectionsShouldTakeTheirTablesWhole() {
        assertThat(LoadWorker.presizeDedup(100, GIB)).isTrue();
    }

    @Test
    void theHeapMeasurementsThousandsOfIdleConnectionsShouldNot() {
        // scripts/measure-idle-heap.sh 19000 2: 9,500 connections in a generator of -Xmx3g
        assertThat(LoadWorker.presizeDedup(9_500, 3 * GIB)).isFalse();
    }

    @Test
    void theLimitShouldBeAQuarterOfTheHeap() {
        assertThat(LoadWorker.presizeDedup(341, GIB)).as("341 × 768 KiB = 255.75 MiB").isTrue();
        assertThat(LoadWorker.presizeDedup(342, GIB)).as("342 × 768 KiB = 256.5 MiB").isFalse();
    }
}
