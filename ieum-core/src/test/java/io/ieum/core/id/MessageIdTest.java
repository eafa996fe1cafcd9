package io.ieum.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ieum.core.error.IeumException;

class MessageIdTest {

    @Test
    void generatedIdsShouldSortInCreationOrder() {
        List<MessageId> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            created.add(MessageId.generate());
        }
        List<MessageId> sorted = new ArrayList<>(created);
        sorted.sort(null);
        assertThat(sorted).containsExactlyElementsOf(created);
    }

    @Test
    void orderShouldBeUnsignedSoHighBitTimestampsStillSortLater() {
        MessageId early = MessageId.lowestAt(Instant.parse("2026-01-01T00:00:00Z"));
        MessageId late = MessageId.lowestAt(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(early).isLessThan(late);
        assertThat(late.isAfter(early)).isTrue();
    }

    @Test
    void timestampShouldRoundTrip() {
        Instant at = Instant.parse("2026-11-25T12:34:56.789Z");
        assertThat(new MessageId(Ids.timeOrderedAt(at)).createdAt()).isEqualTo(at);
        assertThat(MessageId.lowestAt(at).createdAt()).isEqualTo(at);
    }

    @Test
    void nonVersion7UuidShouldBeRejectedWithTheValueNamed() {
        UUID v4 = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThatThrownBy(() -> new MessageId(v4))
                .isInstanceOf(IeumException.class)
                .hasMessageContaining("3f2504e0-4f89-41d3-9a0c-0305e82c3301")
                .hasMessageContaining("expected: a time-ordered UUID version 7");
    }

    @Test
    void malformedTextShouldBeRejectedNamingTheField() {
        assertThatThrownBy(() -> MessageId.parse("replyTo", "not-a-uuid"))
                .isInstanceOf(IeumException.class)
                .hasMessageContaining("replyTo: 'not-a-uuid' (expected: a UUID)");
    }
}
