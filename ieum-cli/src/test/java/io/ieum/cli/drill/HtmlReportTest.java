package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    private static DrillSummary summary(boolean passed) {
        return new DrillSummary("FIRE", 2, 7, 12, 2, 4, 100, 100, new Verdict(0, 0, 0, 0, 0, 1, List.of()),
                new DrillSummary.Resume(300, 2_100, 2_400, Map.of(0, 300L, 1, 2_400L)),
                new DrillSummary.Latency(20, 900, 2_400), new DrillSummary.Latency(15, 120, 130), Map.of("send: busy", 3), 4,
                List.of(new DrillEvent(1_500, "kill", "kill -9 site 2"), new DrillEvent(4_000, "restart", "restart <site> 2")),
                null, List.of(new DrillSummary.Check("Nothing acknowledged is lost", passed, "0 lost")), passed,
                List.of(new TimelineBucket(0, 10, 30, 40, 0), new TimelineBucket(1, 8, 2_000, 2_400, 0),
                        new TimelineBucket(2, 12, 25, 30, 0)),
                List.of(new DrillSummary.Failover(1, 1_500, 2_400, 1_600, 4_000, List.of(
                        new FailoverStep(1_510, FailoverStep.Kind.CLOSED, "127.0.0.2:8082", "1006 connection reset"),
                        new FailoverStep(1_610, FailoverStep.Kind.TRY, "127.0.0.3:8083", ""),
                        new FailoverStep(3_900, FailoverStep.Kind.READY, "127.0.0.3:8083", "")))));
    }

    @Test
    void theReportShouldBeOnePageWithAnInlineTimelineMarkingTheKill() {
        Locale.setDefault(Locale.ENGLISH);

        String html = HtmlReport.render(summary(true));

        assertThat(html).startsWith("<!doctype html>").contains("<svg", "<polyline", "kill -9 site 2", "PASSED",
                "Fire drill: loss of site 2", "send: busy", "2400 ms", "just before the fault", "15 / 120 / 130 ms");
        assertThat(html).doesNotContain("<script", "src=\"http");
        assertThat(html).contains("restart &lt;site&gt; 2").doesNotContain("restart <site> 2");
        assertThat(html).contains("c1 — 2400 ms", "+10 ms", "socket to 127.0.0.2:8082 closed: 1006 connection reset",
                "+110 ms", "connect to 127.0.0.3:8083", "+2400 ms", "ready on 127.0.0.3:8083",
                "its slowest send made +100 ms, acknowledged +2500 ms");
    }

    @Test
    void aFailedDrillShouldSaySoInKorean() {
        Locale.setDefault(Locale.KOREAN);

        String html = HtmlReport.render(summary(false));

        assertThat(html).contains("화재 훈련: 사이트 2 상실", "실패", "재개 시간", "127.0.0.3:8083에 연결 시도");
    }
}
