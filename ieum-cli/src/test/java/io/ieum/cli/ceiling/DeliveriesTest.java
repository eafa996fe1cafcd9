package io.ieum.cli.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;

class DeliveriesTest {

    private static ByteBuf frame(long due, long index, int group) {
        return Payload.write(UnpooledByteBufAllocator.DEFAULT, due, index, group);
    }

    @Test
    void aPayloadShouldBeAboutAnIeumPushAndCarryItsThreeNumbers() {
        ByteBuf text = frame(-42, 7, 3);

        assertThat(text.readableBytes()).isEqualTo(Payload.SIZE);
        assertThat(Payload.read(text)).isEqualTo(new Payload.Fields(-42, 7, 3));
    }

    @Test
    void aFrameFromAnotherGroupShouldCountAsMisroutedAndNotForItsSend() {
        Deliveries deliveries = new Deliveries(2);
        deliveries.measureFrom(0);

        deliveries.received(frame(System.nanoTime(), 0, 1), 1);
        deliveries.received(frame(System.nanoTime(), 0, 1), 1);
        deliveries.received(frame(System.nanoTime(), 1, 1), 2);

        assertThat(deliveries.received()).isEqualTo(3);
        assertThat(deliveries.misrouted()).isEqualTo(1);
        assertThat(deliveries.exactlyDelivered(2, 2)).as("send 0 reached 2, send 1 none of its group").isEqualTo(1);
        assertThat(deliveries.latencies().getTotalCount()).isEqualTo(2);
    }

    @Test
    void sendsDueBeforeTheWarmUpEndedShouldBeCountedButNotTimed() {
        Deliveries deliveries = new Deliveries(1);
        long now = System.nanoTime();
        deliveries.measureFrom(now);

        deliveries.received(frame(now - 1, 0, 1), 1);

        assertThat(deliveries.received()).isEqualTo(1);
        assertThat(deliveries.latencies().getTotalCount()).isZero();
    }
}
