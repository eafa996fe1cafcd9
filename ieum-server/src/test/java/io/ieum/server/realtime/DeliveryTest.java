package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;
import io.ieum.core.service.LiveEvent;
import io.ieum.server.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;

class DeliveryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Delivery delivery = new Delivery(new Json(), meters);
    private final UserId mina = UserId.random();
    private final UserId joon = UserId.random();
    private final UserId sora = UserId.random();
    private final RoomId room = RoomId.random();
    private final List<FakeDevice> devices = new ArrayList<>();

    @AfterEach
    void releaseFrames() {
        devices.forEach(d -> d.frames.forEach(ByteBuf::release));
    }

    @Test
    void anEventShouldBeEncodedOnceAndWrittenToEveryDeviceOfEveryRecipient() {
        FakeDevice minaPhone = register(mina, true);
        FakeDevice minaLaptop = register(mina, true);
        FakeDevice joonPhone = register(joon, true);
        FakeDevice soraPhone = register(sora, true);

        delivery.publish(Set.of(mina, joon), new LiveEvent.EntryAdded(Entry.message(room, MessageId.generate(), mina, "hi", null, List.of())));

        assertThat(minaPhone.frames).hasSize(1);
        assertThat(minaLaptop.frames).hasSize(1);
        assertThat(joonPhone.frames).hasSize(1);
        assertThat(soraPhone.frames).isEmpty();
        assertThat(minaPhone.frames.get(0)).isSameAs(joonPhone.frames.get(0)).isSameAs(minaLaptop.frames.get(0));
        assertThat(minaPhone.frames.get(0).getUnsignedByte(minaPhone.frames.get(0).readerIndex())).isEqualTo((short) 0x81); // FIN, text
        assertThat(text(minaPhone.frames.get(0))).startsWith("{\"type\":\"entry\",\"entry\":{").contains("\"text\":\"hi\"")
                .doesNotContain("unreadBy");
        assertThat(meters.counter(RealtimeMetrics.FRAMES_WRITTEN).count()).isEqualTo(3);
        assertThat(meters.counter(RealtimeMetrics.EVENTS_PUBLISHED).count()).isEqualTo(1);
    }

    @Test
    void aReadEventShouldBecomeAReadFrame() {
        FakeDevice joonPhone = register(joon, true);
        MessageId upTo = MessageId.generate();

        delivery.publish(Set.of(joon), new LiveEvent.ReadMoved(room, mina, upTo));

        assertThat(text(joonPhone.frames.get(0))).isEqualTo("{\"type\":\"read\",\"roomId\":\"" + room + "\",\"userId\":\""
                + mina + "\",\"upTo\":\"" + upTo + "\"}");
    }

    @Test
    void anEventNobodyHereListensToShouldBeCounted() {
        delivery.publish(Set.of(sora), new LiveEvent.ReadMoved(room, mina, MessageId.generate()));

        assertThat(meters.counter(RealtimeMetrics.EVENTS_WITHOUT_LISTENER).count()).isEqualTo(1);
    }

    @Test
    void aClosingDeviceShouldNotHoldBackOthersNorBeCounted() {
        register(mina, false);
        FakeDevice minaLaptop = register(mina, true);

        delivery.publish(Set.of(mina), new LiveEvent.ReadMoved(room, joon, MessageId.generate()));

        assertThat(minaLaptop.frames).hasSize(1);
        assertThat(meters.counter(RealtimeMetrics.FRAMES_WRITTEN).count()).isEqualTo(1);
    }

    @Test
    void anUnregisteredDeviceShouldGetNothing() {
        FakeDevice phone = register(mina, true);
        FakeDevice laptop = register(mina, true);

        delivery.unregister(phone);
        delivery.publish(Set.of(mina), new LiveEvent.ReadMoved(room, joon, MessageId.generate()));

        assertThat(phone.frames).isEmpty();
        assertThat(laptop.frames).hasSize(1);
        delivery.unregister(laptop);
        assertThat(delivery.deviceCount(mina)).isZero();
    }

    private static String text(ByteBuf frame) {
        return TextFrames.payload(frame).toString(StandardCharsets.UTF_8);
    }

    private FakeDevice register(UserId user, boolean open) {
        FakeDevice device = new FakeDevice(user, open);
        devices.add(device);
        delivery.register(device);
        return device;
    }

    private static final class FakeDevice implements Device {
        final UserId user;
        final boolean open;
        /** The frames as published: the same buffer for every device, kept alive by one reference each. */
        final List<ByteBuf> frames = new ArrayList<>();

        FakeDevice(UserId user, boolean open) {
            this.user = user;
            this.open = open;
        }

        @Override
        public UserId userId() {
            return user;
        }

        @Override
        public boolean push(ByteBuf frame) {
            if (open) {
                frames.add(frame.retain());
            }
            return open;
        }

        @Override
        public void later(Runnable task, long delayNanos) {
            throw new UnsupportedOperationException("delivery schedules nothing");
        }
    }
}
