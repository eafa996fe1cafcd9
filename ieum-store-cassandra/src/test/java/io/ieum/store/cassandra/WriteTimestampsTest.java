package io.ieum.store.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.Ids;
import io.ieum.core.id.MessageId;

class WriteTimestampsTest {

    private static WriteTimestamps at(String instant) {
        return new WriteTimestamps(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aLaterAppendShouldCarryALowerTimestampSoTheFirstWriteWins() {
        long first = at("2026-11-25T12:00:00Z").append();
        long retryOneMillisecondLater = at("2026-11-25T12:00:00.001Z").append();

        assertThat(retryOneMillisecondLater).isLessThan(first);
    }

    @Test
    void anEraseShouldBeatEveryAppendWhenEverEitherHappened() {
        long earliestAppendWeWillEverMake = at("2023-11-15T00:00:00Z").append();
        long eraseRightAfterIt = at("2023-11-15T00:00:00Z").erase();
        long appendFarInTheFuture = at("2076-01-01T00:00:00Z").append();

        assertThat(eraseRightAfterIt).isGreaterThan(earliestAppendWeWillEverMake);
        assertThat(appendFarInTheFuture).isPositive().isLessThan(earliestAppendWeWillEverMake);
    }

    @Test
    void appendsShouldStayBelowRealTimeSoOrdinaryDeletesShadowThem() {
        WriteTimestamps now = at("2026-11-25T12:00:00Z");

        assertThat(now.append()).isLessThan(now.nowMicros());
    }

    @Test
    void positionTimestampsShouldGrowWithThePosition() {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new MessageId(Ids.timeOrderedAt(Instant.parse("2026-11-25T12:00:00Z").plusMillis(i / 7))));
        }
        Collections.sort(ids);

        for (int i = 1; i < ids.size(); i++) {
            assertThat(WriteTimestamps.position(ids.get(i).uuid()))
                    .isGreaterThanOrEqualTo(WriteTimestamps.position(ids.get(i - 1).uuid()));
        }
        MessageId a = ids.get(0);
        MessageId b = new MessageId(Ids.timeOrderedAt(a.createdAt().plusMillis(1)));
        assertThat(WriteTimestamps.position(b.uuid())).isGreaterThan(WriteTimestamps.position(a.uuid()));
    }
}
