package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

class EntryIdsTest {

    @Test
    void textComparisonOfCanonicalIdsShouldAgreeWithUnsignedNumericOrder() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // Both halves cover the sign bit, where signed and unsigned order differ.
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (int i = 1; i < ids.size(); i++) {
            UUID a = ids.get(i - 1);
            UUID b = ids.get(i);
            assertThat(Integer.signum(EntryIds.compare(a.toString(), b.toString())))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(EntryIds.compare(a, b)));
        }
    }

    @Test
    void upperCaseIdsShouldStillCompareByValue() {
        String lower = "01930000-0000-7000-8000-000000000001";
        String upper = "01930000-0000-7000-8000-00000000000A";
        assertThat(EntryIds.compare(lower, upper)).isNegative();
        assertThat(EntryIds.compare(upper.toLowerCase(), upper)).isZero();
    }

    @Test
    void maxShouldKeepTheLaterId() {
        String early = "01930000-0000-7000-8000-000000000001";
        String late = "01930000-0001-7000-8000-000000000000";
        assertThat(EntryIds.max(null, early)).isEqualTo(early);
        assertThat(EntryIds.max(late, early)).isEqualTo(late);
        assertThat(EntryIds.max(early, late)).isEqualTo(late);
    }
}
