package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResumeTimesTest {

    private static SendRecord send(int client, long sentAt, long ackedAt) {
        SendRecord record = new SendRecord(client, "room", "id-" + client + "-" + sentAt, "drill c" + client, sentAt);
        if (ackedAt >= 0) {
            record.acked(ackedAt);
        }
        return record;
    }

    @Test
    void aSendInFlightAtTheFaultShouldCountFromTheFaultUntilItsAck() {
        Map<Integer, Long> resume = ResumeTimes.perClient(List.of(send(0, 900, 3_400)), 1_000, Long.MAX_VALUE, 1);

        assertThat(resume).containsEntry(0, 2_400L);
    }

    @Test
    void theLongestWaitAfterTheFaultShouldWinAndEarlierAcksShouldNotCount() {
        List<SendRecord> sends = List.of(send(0, 100, 150), send(0, 1_200, 1_250), send(0, 2_000, 4_500),
                send(1, 1_100, 1_120));

        Map<Integer, Long> resume = ResumeTimes.perClient(sends, 1_000, Long.MAX_VALUE, 2);

        assertThat(resume).containsEntry(0, 2_500L).containsEntry(1, 20L);
    }

    @Test
    void aSendNeverAcknowledgedShouldMeanNeverResumed() {
        Map<Integer, Long> resume = ResumeTimes.perClient(List.of(send(0, 1_500, -1)), 1_000, Long.MAX_VALUE, 1);

        assertThat(resume).containsEntry(0, ResumeTimes.NEVER);
    }

    @Test
    void sendsMadeAfterTheWindowShouldNotCount() {
        Map<Integer, Long> resume = ResumeTimes.perClient(List.of(send(0, 5_000, -1), send(0, 1_500, 1_600)),
                1_000, 4_000, 1);

        assertThat(resume).containsEntry(0, 100L);
    }

    @Test
    void percentilesShouldBeNearestRank() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L);

        assertThat(ResumeTimes.percentile(values, 0.5)).isEqualTo(3);
        assertThat(ResumeTimes.percentile(values, 0.99)).isEqualTo(5);
        assertThat(ResumeTimes.percentile(List.of(), 0.99)).isZero();
    }

    @Test
    void theSendThatSetTheTimeToResumeShouldBeNamed() {
        List<SendRecord> sends = List.of(send(0, 100, 150), send(0, 1_200, 1_250), send(0, 2_000, 4_500),
                send(1, 1_100, 1_120));

        assertThat(ResumeTimes.worstOf(sends, 0, 1_000, Long.MAX_VALUE)).get()
                .extracting(s -> s.sentAt, SendRecord::ackedAt).containsExactly(2_000L, 4_500L);
        assertThat(ResumeTimes.worstOf(sends, 2, 1_000, Long.MAX_VALUE)).isEmpty();
    }
}
