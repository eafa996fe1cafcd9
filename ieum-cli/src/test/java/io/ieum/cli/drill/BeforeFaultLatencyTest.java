package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BeforeFaultLatencyTest {

    @Test
    void aSendStillUnansweredAtTheFaultShouldCountAsWaitingUntilThen() {
        List<SendRecord> sends = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            SendRecord quick = new SendRecord(i % 12, "room", "id" + i, "drill c" + i, 1_000 + i);
            quick.acked(1_000 + i + 40);
            sends.add(quick);
        }
        // Made at 2,000 ms, answered only after the fault at 9,000 ms: it waited at least 7,000 ms before it.
        SendRecord stuck = new SendRecord(0, "room", "stuck", "drill c stuck", 2_000);
        stuck.acked(12_000);
        sends.add(stuck);

        DrillSummary.Latency latency = Drill.latencyOf(sends, 9_000);

        assertThat(latency.p50()).isEqualTo(40);
        assertThat(latency.max()).isEqualTo(7_000);
    }

    @Test
    void unansweredSendsShouldCountToo() {
        SendRecord never = new SendRecord(1, "room", "never", "drill c never", 500);

        assertThat(Drill.latencyOf(List.of(never), 3_500).p99()).isEqualTo(3_000);
    }
}
