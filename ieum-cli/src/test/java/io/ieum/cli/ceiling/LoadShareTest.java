package io.ieum.cli.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadShareTest {

    private static final URI RELAY = URI.create("ws://127.0.0.1:1/ws");

    @Test
    void threeProcessesShouldSplitTheGroupsAndInterleaveTheScheduleWithoutGapsOrOverlap() {
        List<Long> dueOffsets = new ArrayList<>();
        int firstGroupSeen = -1;
        for (int p = 0; p < 3; p++) {
            LoadShare share = LoadShare.of(RELAY, 60, 10, 1_000, p, 3, 1, 0, 0, 1);
            assertThat(share.users()).isEqualTo(20);
            assertThat(share.firstGroup()).isEqualTo(p * 2).isGreaterThan(firstGroupSeen);
            firstGroupSeen = share.firstGroup();
            for (int j = 0; j < share.sends(); j++) {
                dueOffsets.add(share.dueOffsetNanos(j));
            }
        }

        // 1,000 sends in 1 s: one every millisecond, each made by exactly one process.
        assertThat(dueOffsets).hasSize(1_000).doesNotHaveDuplicates()
                .allSatisfy(offset -> assertThat(offset % 1_000_000).isIn(0L, 999_999L));
    }

    @Test
    void usersThatDoNotSplitIntoWholeGroupsPerProcessShouldBeRefused() {
        assertThatThrownBy(() -> LoadShare.of(RELAY, 50, 10, 100, 0, 2, 1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultShouldSurviveItsLineAndMergeBySummingCountsAndHistograms() {
        Histogram a = new Histogram(Deliveries.MAX_LATENCY_NANOS, 3);
        a.recordValue(1_000_000);
        Histogram b = new Histogram(Deliveries.MAX_LATENCY_NANOS, 3);
        b.recordValue(9_000_000);
        LoadResult one = new LoadResult(10, 5, 100, 100, 0, 10, 7, 3, 11, 12, a);
        LoadResult two = LoadResult.fromLine(new LoadResult(20, 6, 200, 199, 1, 19, 8, 4, 13, 9, b).toLine());

        LoadResult merged = one.merge(two);

        assertThat(merged.sends()).isEqualTo(30);
        assertThat(merged.received()).isEqualTo(299);
        assertThat(merged.misrouted()).isEqualTo(1);
        assertThat(merged.exact()).isEqualTo(29);
        assertThat(merged.cpuNanos()).isEqualTo(15);
        assertThat(merged.maxLagNanos()).isEqualTo(4);
        assertThat(merged.sendSpanNanos()).isEqualTo(13);
        assertThat(merged.deliverySpanNanos()).isEqualTo(12);
        assertThat(merged.latencies().getTotalCount()).isEqualTo(2);
        assertThat(merged.latencies().getMaxValue()).isBetween(8_990_000L, 9_010_000L);
    }
}
