package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageIdClockTest {

    private static final Instant LOCAL = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void newIdsShouldCarryTheServerCorrectedTime() {
        MessageIdClock clock = new MessageIdClock(Clock.fixed(LOCAL, ZoneOffset.UTC));

        // The device is 3 minutes behind; the round trip took 200 ms.
        clock.correct(LOCAL.plus(Duration.ofMinutes(3)), LOCAL.minusMillis(200), LOCAL);

        UUID id = clock.nextId();
        assertThat(id.version()).isEqualTo(7);
        assertThat(EntryIds.epochMillis(id.toString()))
                .isEqualTo(LOCAL.plus(Duration.ofMinutes(3)).plusMillis(100).toEpochMilli());
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(3).plusMillis(100));
    }

    @Test
    void uncorrectedClockShouldStampLocalTime() {
        MessageIdClock clock = new MessageIdClock(Clock.fixed(LOCAL, ZoneOffset.UTC));

        assertThat(EntryIds.epochMillis(clock.nextId().toString())).isEqualTo(LOCAL.toEpochMilli());
    }

    @Test
    void lowestIdOfAnInstantShouldSortBelowEveryIdMadeThen() {
        MessageIdClock clock = new MessageIdClock(Clock.fixed(LOCAL, ZoneOffset.UTC));
        String lowest = EntryIds.lowestAt(LOCAL);

        assertThat(EntryIds.compare(lowest, clock.nextId().toString())).isNegative();
        assertThat(UUID.fromString(lowest).version()).isEqualTo(7);
        assertThat(EntryIds.max(null, lowest)).isEqualTo(lowest);
    }
}
