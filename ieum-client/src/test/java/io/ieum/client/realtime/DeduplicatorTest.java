package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    @Test
    void repeatedIdShouldBeReportedOnlyTheFirstTime() {
        Deduplicator dedup = new Deduplicator(10);

        assertThat(dedup.firstSeen("a")).isTrue();
        assertThat(dedup.firstSeen("b")).isTrue();
        assertThat(dedup.firstSeen("a")).isFalse();
        assertThat(dedup.firstSeen("b")).isFalse();
    }

    @Test
    void memoryShouldStayBoundedByForgettingTheLeastRecentIds() {
        Deduplicator dedup = new Deduplicator(3);
        for (int i = 0; i < 1000; i++) {
            dedup.firstSeen("id" + i);
        }

        assertThat(dedup.size()).isEqualTo(3);
        assertThat(dedup.firstSeen("id999")).isFalse();
        assertThat(dedup.firstSeen("id0")).isTrue();
    }
}
