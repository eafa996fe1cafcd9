package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ieum.client.realtime.MessageIdClock;

class SentIdsTest {

    private final MessageIdClock clock = MessageIdClock.system();

    @Test
    void everyIdShouldBeFoundUnderTheNumberItWasAddedWith() {
        SentIds ids = new SentIds(10_000);
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.fromString(clock.nextId().toString());
            added.add(id);
            assertThat(ids.add(id.getMostSignificantBits(), id.getLeastSignificantBits())).isEqualTo(i);
        }

        for (int i = 0; i < added.size(); i++) {
            UUID id = added.get(i);
            assertThat(ids.find(id.getMostSignificantBits(), id.getLeastSignificantBits())).isEqualTo(i);
            assertThat(new UUID(ids.msb(i), ids.lsb(i))).isEqualTo(id);
        }
        assertThat(ids.size()).isEqualTo(10_000);
    }

    @Test
    void anIdNeverAddedShouldNotBeFound() {
        SentIds ids = new SentIds(4);
        UUID mine = UUID.fromString(clock.nextId().toString());
        UUID other = UUID.fromString(clock.nextId().toString());
        ids.add(mine.getMostSignificantBits(), mine.getLeastSignificantBits());

        assertThat(ids.find(other.getMostSignificantBits(), other.getLeastSignificantBits())).isEqualTo(-1);
    }

    @Test
    void moreIdsThanTheCapacityShouldBeRefused() {
        SentIds ids = new SentIds(1);
        ids.add(1, 2);

        assertThatThrownBy(() -> ids.add(3, 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 sends");
        assertThatThrownBy(() -> new SentIds(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
