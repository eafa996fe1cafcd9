package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void canonicalIdsShouldBeRememberedUpToTheCapacityAndTheOldestForgotten() {
        Deduplicator dedup = new Deduplicator(1000);
        List<String> ids = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(id);
            assertThat(dedup.firstSeen(id)).isTrue();
        }

        assertThat(dedup.size()).isEqualTo(1000);
        for (String recent : ids.subList(49_000, 50_000)) {
            assertThat(dedup.firstSeen(recent)).as(recent).isFalse();
        }
        assertThat(dedup.firstSeen(ids.get(48_999))).isTrue();
    }

    /** Random IDs from a small pool, so repeats, forgetting and re-learning all happen: the same answers as a plain set. */
    @Test
    // A broken deletion can leave no free slot, and a probe then never ends: fail instead of hanging.
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void answersShouldMatchASetOfTheLastCapacityIdsInArrivalOrder() {
        int capacity = 300;
        Deduplicator dedup = new Deduplicator(capacity);
        LinkedHashSet<String> model = new LinkedHashSet<>();
        List<String> pool = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            // Few distinct high bits, so many IDs share a home slot and probe chains get long.
            pool.add(new UUID(0x0190_0000_0000_7000L | random.nextInt(4), random.nextLong()).toString());
        }
        for (int i = 0; i < 50_000; i++) {
            String id = pool.get(random.nextInt(pool.size()));
            boolean expected = model.add(id);
            if (expected && model.size() > capacity) {
                model.remove(model.iterator().next());
            }
            assertThat(dedup.firstSeen(id)).as("step %d, %s", i, id).isEqualTo(expected);
        }
        assertThat(dedup.size()).isEqualTo(capacity);
    }

    @Test
    void aPresizedDeduplicatorShouldAnswerLikeAGrowingOneAndNeverGrow() {
        int capacity = 300;
        Deduplicator growing = new Deduplicator(capacity);
        Deduplicator presized = new Deduplicator(capacity, true);
        int slots = presized.tableSlots();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String id = new UUID(0x0190_0000_0000_7000L | random.nextInt(8), random.nextInt(900)).toString();
            assertThat(presized.firstSeen(id)).as("step %d, %s", i, id).isEqualTo(growing.firstSeen(id));
        }
        assertThat(presized.size()).isEqualTo(capacity);
        assertThat(presized.tableSlots()).as("table slots after 20,000 IDs")
                .isEqualTo(slots).isGreaterThanOrEqualTo(2 * capacity);
        assertThat(new Deduplicator(capacity).tableSlots()).as("a growing one starts small").isLessThan(slots);
    }

    @Test
    void presizedBytesShouldBeWhatAPresizedDeduplicatorTakes() {
        for (int capacity : new int[] {1, 300, 16_384}) {
            Deduplicator presized = new Deduplicator(capacity, true);
            assertThat(Deduplicator.presizedBytes(capacity)).as("capacity %d", capacity)
                    .isEqualTo(2L * Long.BYTES * presized.tableSlots() + 2L * Long.BYTES * capacity);
        }
        assertThat(Deduplicator.presizedBytes(16_384)).as("the bench's window").isEqualTo(768 * 1024);
    }

    @Test
    void idsNotInCanonicalFormShouldBeDeduplicatedToo() {
        Deduplicator dedup = new Deduplicator(10);
        String upper = "0190ABCD-0000-7000-8000-000000000001";

        assertThat(dedup.firstSeen(upper)).isTrue();
        assertThat(dedup.firstSeen(upper.toLowerCase())).isTrue();
        assertThat(dedup.firstSeen(upper)).isFalse();
        assertThat(dedup.firstSeen("00000000-0000-0000-0000-000000000000")).isTrue();
        assertThat(dedup.firstSeen("00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(dedup.size()).isEqualTo(3);
    }

    @Test
    void idsThatDifferOnlyWhereTheFormIsBrokenShouldNotBeTakenForTheSame() {
        Deduplicator dedup = new Deduplicator(10);
        String canonical = "0190abcd-0000-7000-8000-000000000001";

        assertThat(dedup.firstSeen(canonical)).isTrue();
        assertThat(dedup.firstSeen("0190abcd.0000-7000-8000-000000000001")).isTrue();
        assertThat(dedup.firstSeen("0190abcd-0000-7000-8000-00000000000g")).isTrue();
        assertThat(dedup.firstSeen("0190abcd-0000-7000-8000-00000000000ā")).isTrue();
        assertThat(dedup.firstSeen(canonical)).isFalse();
    }

    @Test
    void anIdGivenAsHalvesShouldBeTheSameIdAsItsCanonicalText() {
        Deduplicator dedup = new Deduplicator(10);
        java.util.UUID id = java.util.UUID.fromString("0190abcd-0000-7000-8000-000000000001");
        java.util.UUID zero = new java.util.UUID(0, 0);

        assertThat(dedup.firstSeen(id.getMostSignificantBits(), id.getLeastSignificantBits())).isTrue();
        assertThat(dedup.firstSeen(id.toString())).isFalse();
        assertThat(dedup.firstSeen(zero.toString())).isTrue();
        assertThat(dedup.firstSeen(0, 0)).isFalse();
        assertThat(dedup.size()).isEqualTo(2);
    }
}
