package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class OutboxTest {

    private final Outbox outbox = new Outbox();

    @Test
    void unacknowledgedSendsShouldBeResentOldestFirstWithTheirOriginalFrames() {
        PendingSend first = pending("id-1");
        PendingSend second = pending("id-2");
        PendingSend third = pending("id-3");
        outbox.add(first);
        outbox.add(second);
        outbox.add(third);

        outbox.remove("id-2");

        assertThat(outbox.snapshot()).extracting(PendingSend::frame)
                .containsExactly(first.frame(), third.frame());
    }

    @Test
    void repeatedAckShouldFindNothingTheSecondTime() {
        outbox.add(pending("id-1"));

        assertThat(outbox.remove("id-1")).isPresent();
        assertThat(outbox.remove("id-1")).isEmpty();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void sameIdTwiceShouldBeRejected() {
        outbox.add(pending("id-1"));

        assertThatThrownBy(() -> outbox.add(pending("id-1")))
                .hasMessage("id: id-1 (expected: an ID not already waiting for its ack)");
    }

    @Test
    void drainShouldEmptyTheOutbox() {
        outbox.add(pending("id-1"));

        assertThat(outbox.drain()).hasSize(1);
        assertThat(outbox.snapshot()).isEqualTo(List.of());
    }

    private static PendingSend pending(String id) {
        return new PendingSend(id, "room", Frames.send(id, "room", "text " + id, null, List.of()),
                new CompletableFuture<>(), System.nanoTime());
    }
}
