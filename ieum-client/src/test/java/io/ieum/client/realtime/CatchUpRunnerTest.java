package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ieum.client.RetryPolicy;
import io.ieum.client.model.EntryView;
import io.ieum.client.model.SyncPage;

/** The catch-up state machine of one socket, driven by hand through a recording {@link CatchUpRunner.Link}. */
class CatchUpRunnerTest {

    private static final String C0 = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50";
    private static final String C1 = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51";
    private static final String C2 = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52";
    /** No jitter, so the back-off is exactly 100, 200, 400 ms. */
    private static final RetryPolicy BACK_OFF = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5), 0);

    private final RecordingLink link = new RecordingLink();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final ConnectionMetrics metrics = new ConnectionMetrics();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private CatchUpRunner onTheSocket() {
        return new CatchUpRunner(link, null, null, scheduler, BACK_OFF, metrics);
    }

    /** A runner whose socket is ready and whose catch-up from {@code cursor} (a {@code sync} frame) runs. */
    private CatchUpRunner catchingUpOnTheSocketFrom(String cursor) {
        CatchUpRunner runner = onTheSocket();
        runner.ready(cursor);
        return runner;
    }

    /** Pages read off the socket on the calling thread, so each call runs the whole catch-up. */
    private CatchUpRunner offTheSocket(CatchUp catchUp) {
        return new CatchUpRunner(link, catchUp, Runnable::run, scheduler, BACK_OFF, metrics);
    }

    @Test
    void nudgesDuringACatchUpShouldMakeExactlyOneMore() {
        CatchUpRunner runner = catchingUpOnTheSocketFrom(C0);
        link.cursor = C1;

        for (int i = 0; i < 5; i++) {
            runner.nudged();
        }
        assertThat(link.writes).containsExactly(Frames.syncSince(C0));

        runner.page(null, false); // the first catch-up ends: the queued one starts from the cursor now
        assertThat(link.writes).containsExactly(Frames.syncSince(C0), Frames.syncSince(C1));
        assertThat(link.caughtUp).hasValue(0);

        runner.page(null, false);
        assertThat(link.writes).hasSize(2);
        assertThat(link.caughtUp).hasValue(1);
        assertThat(metrics.syncNudges()).isEqualTo(5);
        assertThat(metrics.nudgedSyncs()).isEqualTo(1);
    }

    @Test
    void aNudgeWithNoCatchUpRunningShouldSyncAtOnce() {
        CatchUpRunner runner = onTheSocket();
        runner.ready(null);
        assertThat(link.caughtUp).hasValue(1);
        link.cursor = C1;

        runner.nudged();

        assertThat(link.writes).containsExactly(Frames.syncSince(C1));
        assertThat(metrics.nudgedSyncs()).isEqualTo(1);
    }

    @Test
    void aNudgeBeforeReadyOrOnAReplacedSocketShouldBeCountedAndIgnored() {
        CatchUpRunner runner = onTheSocket();
        link.cursor = C1;
        runner.nudged(); // not ready yet: the catch-up after ready covers it

        runner.ready(null);
        link.current = false;
        runner.nudged();

        assertThat(link.writes).isEmpty();
        assertThat(metrics.syncNudges()).isEqualTo(2);
        assertThat(metrics.nudgedSyncs()).isZero();
    }

    @Test
    void pagesOnTheSocketShouldContinueAfterEachCursorUntilTheLast() {
        CatchUpRunner runner = catchingUpOnTheSocketFrom(C0);

        runner.page(C1, true);
        runner.page(C2, true);
        assertThat(link.caughtUp).hasValue(0);
        runner.page(C2, false);

        assertThat(link.writes).containsExactly(Frames.syncSince(C0), Frames.syncAfter(C1), Frames.syncAfter(C2));
        assertThat(link.caughtUp).hasValue(1);
    }

    @Test
    void pagesOffTheSocketShouldContinueAfterEachCursorUntilTheLast() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Deque<SyncPage> pages = new ArrayDeque<>(List.of(page(C0, true), page(C1, true), page(C2, false)));
        CatchUpRunner runner = offTheSocket((cursor, continuation) -> {
            asked.add((continuation ? "after " : "since ") + cursor);
            return pages.removeFirst();
        });

        runner.ready(C0);

        assertThat(asked).containsExactly("since " + C0, "after " + C0, "after " + C1);
        assertThat(link.delivered).containsExactly(C0, C1, C2);
        assertThat(link.writes).isEmpty();
        assertThat(link.caughtUp).hasValue(1);
    }

    @Test
    void aFailedPageOffTheSocketShouldAskTheSocketForTheRestFromWhereItStopped() {
        AtomicInteger calls = new AtomicInteger();
        CatchUpRunner runner = offTheSocket((cursor, continuation) -> {
            if (calls.incrementAndGet() == 1) {
                return page(C1, true);
            }
            throw new IllegalStateException("503 busy");
        });

        runner.ready(C0);
        assertThat(link.writes).containsExactly(Frames.syncAfter(C1));

        runner.page(null, false); // the socket's answer ends the catch-up
        assertThat(link.delivered).containsExactly(C1);
        assertThat(link.caughtUp).hasValue(1);
    }

    @Test
    void aCatchUpOffTheSocketShouldStopOnceTheSocketIsReplaced() {
        AtomicInteger calls = new AtomicInteger();
        CatchUpRunner runner = offTheSocket((cursor, continuation) -> {
            calls.incrementAndGet();
            link.current = false; // lost while this page was read
            return page(C1, true);
        });

        runner.ready(C0);

        assertThat(calls).hasValue(1);
        assertThat(link.writes).isEmpty();
        assertThat(link.caughtUp).hasValue(0);
    }

    @Test
    void aRefusedSyncShouldBeTriedAgainAfterAGrowingBackOffThatASuccessResets() {
        CatchUpRunner runner = catchingUpOnTheSocketFrom(C0);
        link.cursor = C1;

        runner.refused("busy");
        assertThat(link.writes).containsExactly(Frames.syncSince(C0)); // not at once
        await().atMost(Duration.ofSeconds(5)).until(() -> link.writes.size() == 2);
        runner.refused("busy");
        await().atMost(Duration.ofSeconds(5)).until(() -> link.writes.size() == 3);
        runner.page(null, false);
        runner.nudged();
        assertThat(link.writes).containsExactly(Frames.syncSince(C0), Frames.syncSince(C1), Frames.syncSince(C1),
                Frames.syncSince(C1));
        assertThat(metrics.nudgedSyncs()).isEqualTo(3); // two retries and the nudge

        runner.refused("busy");
        assertThat(scheduler.delays).containsExactly(100L, 200L, 100L);
    }

    @Test
    void aRefusalOnAReplacedSocketShouldScheduleNothing() {
        CatchUpRunner runner = catchingUpOnTheSocketFrom(C0);
        link.current = false;

        runner.refused("busy");

        assertThat(scheduler.delays).isEmpty();
    }

    @Test
    void aCatchUpWithoutItsExecutorShouldBeRefused() {
        assertThatThrownBy(() -> new CatchUpRunner(link, (c, more) -> page(c, false), null, scheduler, BACK_OFF, metrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("catchUp and catchUpExecutor: one is null (expected: both or neither)");
    }

    private static SyncPage page(String id, boolean hasMore) {
        EntryView entry = new EntryView(id, "room-1", "u2", "TEXT", "missed", null, List.of(), null, false,
                Instant.parse("2026-11-26T00:00:00Z"), null);
        return new SyncPage(List.of(entry), id, hasMore);
    }

    /** The socket and connection as the runner sees them. */
    private static final class RecordingLink implements CatchUpRunner.Link {
        final List<String> writes = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final AtomicInteger caughtUp = new AtomicInteger();
        volatile boolean current = true;
        volatile String cursor;

        @Override
        public boolean isCurrent() {
            return current;
        }

        @Override
        public String cursor() {
            return cursor;
        }

        @Override
        public void write(String frame) {
            writes.add(frame);
        }

        @Override
        public void deliver(SyncPage page) {
            page.entries().forEach(e -> delivered.add(e.id()));
        }

        @Override
        public void caughtUp() {
            caughtUp.incrementAndGet();
        }

        @Override
        public URI site() {
            return URI.create("http://127.0.0.1:1");
        }
    }

    /** A real scheduler that also records each delay it is asked for, in milliseconds. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    }
}
