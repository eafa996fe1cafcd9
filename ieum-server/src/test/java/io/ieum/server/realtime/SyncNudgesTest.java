package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.ieum.core.id.UserId;
import io.ieum.server.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;

/** The sync nudge in memory: devices whose tasks the test runs by hand, so every delay is visible. */
class SyncNudgesTest {

    private static final Duration WINDOW = Duration.ofMillis(800);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Delivery delivery = new Delivery(new Json(), meters);
    private final SyncNudges nudges = new SyncNudges(delivery, new Json(), meters, WINDOW);

    @Test
    void manySignalsWithinTheWindowShouldGiveEachDeviceOneSyncFrame() {
        List<ManualDevice> devices = connect(50);

        for (int i = 0; i < 20; i++) {
            nudges.nudgeAll();
        }
        devices.forEach(ManualDevice::runDue);

        for (ManualDevice device : devices) {
            assertThat(device.frames).containsExactly("{\"type\":\"sync\"}");
        }
        assertThat(meters.counter(RealtimeMetrics.SYNC_NUDGES).count()).isEqualTo(50);
        assertThat(meters.counter(RealtimeMetrics.SYNC_NUDGES_COALESCED).count()).isEqualTo(19);
        assertThat(meters.counter(RealtimeMetrics.SYNC_NUDGE_ROUNDS).count()).isEqualTo(1);
        assertThat(nudges.waiting()).isZero();
    }

    @Test
    void aDeviceWhoseFrameWentOutBeforeALaterSignalShouldGetOneMoreWhenTheRoundEnds() {
        List<ManualDevice> devices = connect(2);
        ManualDevice early = devices.get(0);
        ManualDevice late = devices.get(1);
        nudges.nudgeAll();
        early.runDue(); // its random moment came first
        nudges.nudgeAll();
        nudges.nudgeAll();
        assertThat(early.due).isEmpty(); // nothing until the round ends
        late.runDue();
        early.runDue();
        late.runDue();

        assertThat(early.frames).hasSize(2);
        assertThat(late.frames).hasSize(1); // sent after both signals: it answers them
        assertThat(nudges.waiting()).isZero();
    }

    @Test
    void aDeviceConnectedDuringARoundShouldBeReachedByTheNextOne() {
        ManualDevice first = connect(1).get(0);
        nudges.nudgeAll();
        ManualDevice joined = connect(1).get(0);
        nudges.nudgeAll();
        first.runDue();
        joined.runDue();

        assertThat(first.frames).hasSize(1);
        assertThat(joined.frames).hasSize(1);
    }

    @Test
    void aSignalAfterTheFrameWasSentShouldGiveAnotherOne() {
        ManualDevice device = connect(1).get(0);
        nudges.nudgeAll();
        device.runDue();
        nudges.nudgeAll();
        nudges.nudgeAll();
        device.runDue();

        assertThat(device.frames).hasSize(2);
    }

    @Test
    void framesShouldBeSpreadOverTheWindow() {
        List<ManualDevice> devices = connect(200);
        nudges.nudgeAll();

        List<Long> delays = devices.stream().map(d -> d.delays.get(0)).toList();
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(0L, WINDOW.toNanos()));
        long early = delays.stream().filter(d -> d < WINDOW.toNanos() / 2).count();
        // Uniform over the window: a fixed or collapsed delay would put all 200 on one side.
        assertThat(early).isBetween(50L, 150L);
    }

    @Test
    void roundsShouldStartNoSoonerThanTheSpacingApart() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        SyncNudges spaced = new SyncNudges(delivery, new Json(), meters, WINDOW, now::get);
        ManualDevice device = connect(1).get(0);
        long spacing = WINDOW.toNanos() * SyncNudges.SPACING_IN_WINDOWS;

        spaced.nudgeAll();
        assertThat(device.delays.get(0)).isBetween(0L, WINDOW.toNanos()); // the first round at once
        device.runDue();
        now.addAndGet(WINDOW.toNanos()); // a peer flaps again one window later
        spaced.nudgeAll();
        long held = device.delays.get(1);
        device.runDue();
        now.addAndGet(10 * spacing); // long after
        spaced.nudgeAll();

        assertThat(held).isBetween(spacing - WINDOW.toNanos(), spacing); // waits out the spacing first
        assertThat(device.delays.get(2)).isBetween(0L, WINDOW.toNanos());
        assertThat(device.frames).hasSize(2); // the third round is still due
    }

    @Test
    void aZeroWindowShouldSendAtOnce() {
        SyncNudges immediate = new SyncNudges(delivery, new Json(), meters, Duration.ZERO);
        ManualDevice device = connect(1).get(0);
        immediate.nudgeAll();
        assertThat(device.delays).containsExactly(0L);
    }

    @Test
    void aClosedDeviceShouldNotCountAsNudgedNorBlockTheNextRound() {
        ManualDevice device = connect(1).get(0);
        device.open = false;
        nudges.nudgeAll();
        device.runDue();
        assertThat(meters.counter(RealtimeMetrics.SYNC_NUDGES).count()).isZero();

        device.open = true;
        nudges.nudgeAll();
        device.runDue();
        assertThat(device.frames).hasSize(1);
    }

    private List<ManualDevice> connect(int count) {
        List<ManualDevice> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ManualDevice device = new ManualDevice(UserId.random());
            delivery.register(device);
            devices.add(device);
        }
        return devices;
    }

    /** A socket whose scheduled tasks wait until the test runs them. */
    private static final class ManualDevice implements Device {
        final UserId user;
        final List<String> frames = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();
        final List<Runnable> due = new ArrayList<>();
        boolean open = true;

        ManualDevice(UserId user) {
            this.user = user;
        }

        @Override
        public UserId userId() {
            return user;
        }

        @Override
        public boolean push(ByteBuf frame) {
            if (!open) {
                return false;
            }
            ByteBuf copy = frame.retainedDuplicate();
            try {
                frames.add(TextFrames.payload(copy).toString(StandardCharsets.UTF_8));
            } finally {
                copy.release();
            }
            return true;
        }

        @Override
        public void later(Runnable task, long delayNanos) {
            delays.add(delayNanos);
            due.add(task);
        }

        void runDue() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }
}
