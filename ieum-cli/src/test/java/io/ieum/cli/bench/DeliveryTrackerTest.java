package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.client.realtime.MessageIdClock;

class DeliveryTrackerTest {

    private static final String ROOM = "room-1";
    private final MessageIdClock clock = MessageIdClock.system();

    @Test
    void undeliveredShouldListAckedMessagesSomeMemberLacksByRoom() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        String complete = id();
        String partial = id();
        String unacked = id();
        String elsewhere = id();
        tracker.acked(tracker.sending(complete, ROOM, 2, System.nanoTime()));
        tracker.acked(tracker.sending(partial, ROOM, 2, System.nanoTime()));
        tracker.sending(unacked, ROOM, 2, System.nanoTime());
        tracker.acked(tracker.sending(elsewhere, "room-2", 1, System.nanoTime()));
        tracker.delivered(0, complete);
        tracker.delivered(1, complete);
        tracker.delivered(1, partial);

        assertThat(tracker.undelivered()).containsOnlyKeys(ROOM, "room-2");
        assertThat(tracker.undelivered().get(ROOM)).containsExactly(partial);
        assertThat(tracker.undelivered().get("room-2")).containsExactly(elsewhere);
    }

    @Test
    void messageShouldCountAsMissingUntilEveryMemberHasIt() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        String m = id();
        int sent = tracker.sending(m, ROOM, 3, System.nanoTime());
        tracker.acked(sent);
        tracker.delivered(0, m);
        tracker.delivered(2, m);

        assertThat(tracker.missing()).isEqualTo(1);

        tracker.delivered(1, m);
        assertThat(tracker.missing()).isZero();
        assertThat(tracker.deliveries()).isEqualTo(3);
    }

    @Test
    void warmUpSendsShouldBeCheckedButNotTimed() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        long start = System.nanoTime() - 10_000_000_000L;
        tracker.startTimeline(start, 10, 5_000_000_000L);
        String warm = id();
        String timed = id();
        int warmSent = tracker.sending(warm, ROOM, 1, start + 1_000_000_000L);
        int timedSent = tracker.sending(timed, ROOM, 1, start + 6_000_000_000L);

        tracker.acked(warmSent);
        tracker.acked(timedSent);
        tracker.delivered(0, warm);
        tracker.delivered(0, timed);

        assertThat(tracker.deliveries()).isEqualTo(2);
        assertThat(tracker.missing()).isZero();
        assertThat(tracker.latency().getTotalCount()).isEqualTo(1);
        assertThat(tracker.ackLatency().getTotalCount()).isEqualTo(1);
        // The warm-up send (due 9 s ago) is the slowest of its second but not in the histogram.
        assertThat(tracker.latency().getMaxValue()).isLessThan(tracker.timeline()[LatencyTimeline.FIELDS + 2]);
        assertThat(LatencyTimeline.seconds(tracker.timeline())).extracting(TimelineSecond::second).containsExactly(1, 6);
    }

    @Test
    void secondHandOverToTheSameMemberShouldCountAsDuplicateNotDelivery() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        String m = id();
        tracker.sending(m, ROOM, 70, System.nanoTime());
        tracker.delivered(65, m);
        tracker.delivered(65, m);
        tracker.delivered(1, m);

        assertThat(tracker.appDuplicates()).isEqualTo(1);
        assertThat(tracker.deliveries()).isEqualTo(2);
    }

    @Test
    void aGapShouldStayMissingAndADuplicateShouldBeCountedAmongManySends() {
        DeliveryTracker tracker = new DeliveryTracker(5_000, 70);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String m = id();
            ids.add(m);
            tracker.acked(tracker.sending(m, ROOM, 2, System.nanoTime()));
        }
        for (int i = 0; i < ids.size(); i++) {
            tracker.delivered(0, ids.get(i));
            if (i != 1234) {
                tracker.delivered(1, ids.get(i));
            }
        }
        tracker.delivered(1, ids.get(77));

        assertThat(tracker.missing()).isEqualTo(1);
        assertThat(tracker.appDuplicates()).isEqualTo(1);
        assertThat(tracker.deliveries()).isEqualTo(2 * 5_000 - 1);
        assertThat(tracker.latency().getTotalCount()).isEqualTo(2 * 5_000 - 1);
    }

    @Test
    void entriesThisProcessDidNotSendShouldNotCount() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        tracker.sending(id(), ROOM, 1, System.nanoTime());

        tracker.delivered(0, id());
        tracker.delivered(0, "not-a-uuid");

        assertThat(tracker.deliveries()).isZero();
    }

    @Test
    void moreSendsThanPlannedShouldBeRefused() {
        DeliveryTracker tracker = new DeliveryTracker(1, 70);
        tracker.sending(id(), ROOM, 1, System.nanoTime());

        assertThatThrownBy(() -> tracker.sending(id(), ROOM, 1, System.nanoTime()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 sends");
    }

    @Test
    void aSendForMoreReceiversThanPlannedShouldBeRefused() {
        DeliveryTracker tracker = new DeliveryTracker(10, 3);

        assertThatThrownBy(() -> tracker.sending(id(), ROOM, 65, System.nanoTime()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedReceivers: 65");
    }

    @Test
    void aReceiverNumberOutsideTheRoomShouldNotCount() {
        DeliveryTracker tracker = new DeliveryTracker(10, 2);
        String m = id();
        tracker.acked(tracker.sending(m, ROOM, 2, System.nanoTime()));

        tracker.delivered(2, m);
        tracker.delivered(-1, m);

        assertThat(tracker.deliveries()).isZero();
        assertThat(tracker.missing()).isEqualTo(1);
    }

    @Test
    void latencyShouldBeMeasuredFromTheDueTimeNotFromNow() {
        DeliveryTracker tracker = new DeliveryTracker(10, 70);
        String late = id();
        tracker.sending(late, ROOM, 1, System.nanoTime() - 2_000_000_000L);
        tracker.delivered(0, late);

        // HdrHistogram keeps three significant digits.
        assertThat(tracker.latency().getMinValue()).isGreaterThanOrEqualTo(1_995_000L);
    }

    @Test
    void latenciesRecordedOnSeveralThreadsShouldAllBeInTheSnapshot() throws InterruptedException {
        DeliveryTracker tracker = new DeliveryTracker(4_000, 70);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String m = id();
            ids.add(m);
            tracker.sending(m, ROOM, 1, System.nanoTime());
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 1_000;
            threads.add(new Thread(() -> ids.subList(from, from + 1_000).forEach(m -> tracker.delivered(0, m))));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(tracker.deliveries()).isEqualTo(4_000);
        assertThat(tracker.latency().getTotalCount()).isEqualTo(4_000);
    }

    private String id() {
        return clock.nextId().toString();
    }
}
