package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendLoopTest {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "send-loop-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private record Made(long index, long due, long now, long clock, String thread) {}

    @Test
    void everySendShouldBeMadeOnceInOrderOnTheGivenThreadAndNeverBeforeItIsDue() throws Exception {
        long start = System.nanoTime();
        List<Made> made = new ArrayList<>();
        SendLoop loop = new SendLoop(thread, 500, i -> start + i * 20_000, 0,
                (i, due, now) -> made.add(new Made(i, due, now, System.nanoTime(), Thread.currentThread().getName())));

        long maxLag = loop.sendAll();

        assertThat(made).extracting(Made::index).containsExactlyElementsOf(
                LongStream.range(0, 500).boxed().toList());
        assertThat(made).allSatisfy(m -> {
            assertThat(m.thread()).isEqualTo("send-loop-test");
            assertThat(m.due()).isEqualTo(start + m.index() * 20_000);
            assertThat(m.now()).isGreaterThanOrEqualTo(m.due());
            assertThat(m.clock()).isGreaterThanOrEqualTo(m.due());
        });
        assertThat(maxLag).isEqualTo(made.stream().mapToLong(m -> m.now() - m.due()).max().orElseThrow());
    }

    @Test
    void aSenderAheadOfTheScheduleShouldSleepAtLeastATick() throws Exception {
        List<Long> sleeps = new ArrayList<>();
        ScheduledThreadPoolExecutor recording = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                sleeps.add(unit.toNanos(delay));
                return super.schedule(command, delay, unit);
            }
        };
        try {
            long start = System.nanoTime();
            long tick = TimeUnit.MILLISECONDS.toNanos(300);
            List<Made> made = new ArrayList<>();
            // Ten sends due 100 ms apart: a sleep until the next one is due would be 100 ms at most.
            SendLoop loop = new SendLoop(recording, 10, i -> start + i * 100_000_000L, tick,
                    (i, due, now) -> made.add(new Made(i, due, now, System.nanoTime(), "")));

            loop.sendAll();

            assertThat(made).hasSize(10).allSatisfy(m -> assertThat(m.clock()).isGreaterThanOrEqualTo(m.due()));
            // The first entry is the start itself (this executor's execute is a schedule with no delay).
            assertThat(sleeps.get(0)).isZero();
            assertThat(sleeps.subList(1, sleeps.size())).isNotEmpty()
                    .allSatisfy(sleep -> assertThat(sleep).isGreaterThanOrEqualTo(tick));
        } finally {
            recording.shutdownNow();
        }
    }

    @Test
    void aSenderFarBehindShouldLetItsThreadDoOtherWorkBetweenTurns() throws Exception {
        List<Long> madeBeforeOtherWork = new ArrayList<>();
        long[] count = {0};
        int sends = 3 * SendLoop.MAX_PER_TURN;
        SendLoop loop = new SendLoop(thread, sends, i -> 0, 0, (i, due, now) -> {
            if (i == 0) {
                thread.execute(() -> madeBeforeOtherWork.add(count[0])); // e.g. the socket's reads
            }
            count[0]++;
        });

        loop.sendAll();

        assertThat(count[0]).isEqualTo(sends);
        assertThat(madeBeforeOtherWork).containsExactly((long) SendLoop.MAX_PER_TURN);
    }

    @Test
    void aSendThatThrowsShouldEndTheRunWithItsFailure() {
        List<Long> made = new ArrayList<>();
        SendLoop loop = new SendLoop(thread, 20, i -> 0, 0, (i, due, now) -> {
            if (i == 5) {
                throw new IllegalStateException("socket gone");
            }
            made.add(i);
        });

        assertThatThrownBy(loop::sendAll).isInstanceOf(IllegalStateException.class).hasMessage("socket gone");
        assertThat(made).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void badArgumentsShouldBeRefusedByName() {
        assertThatThrownBy(() -> new SendLoop(thread, -1, i -> 0, 0, (i, due, now) -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sends: -1");
        assertThatThrownBy(() -> new SendLoop(thread, 1, i -> 0, -1, (i, due, now) -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tickNanos: -1");
    }
}
