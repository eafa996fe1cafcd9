package io.ieum.cli.drill;

import java.util.Locale;
import java.util.stream.Collectors;

import io.ieum.cli.Messages;

/** Words for a stricken client's failover steps, shared by the console summary and the HTML report. */
final class FailoverText {

    private FailoverText() {}

    /** "connect to 127.0.0.3:8083", "closed 1006 …" — the step's kind in the user's language, its site and detail. */
    static String describe(FailoverStep step) {
        return Messages.get("drill.failover." + step.kind().name().toLowerCase(Locale.ROOT), step.site(), step.detail());
    }

    /** Milliseconds since the fault, signed: "+105 ms". */
    static String offset(FailoverStep step, long faultAt) {
        return String.format(Locale.ROOT, "%+d ms", step.at() - faultAt);
    }

    /** One console line: the client, its time to resume, then every step with its offset. */
    static String line(DrillSummary.Failover f) {
        String steps = f.steps().isEmpty() ? Messages.get("drill.failover.none")
                : f.steps().stream().map(s -> offset(s, f.faultAt()) + " " + describe(s)).collect(Collectors.joining("; "));
        return Messages.get("drill.failover.line", f.client(),
                f.resumeMillis() == ResumeTimes.NEVER ? "∞" : Long.toString(f.resumeMillis()), worst(f), steps);
    }

    /** "its slowest send: made +1100 ms, acknowledged +4300 ms" (offsets from the fault), or "" if none. */
    static String worst(DrillSummary.Failover f) {
        if (f.worstSentAt() < 0) {
            return "";
        }
        return Messages.get("drill.failover.worst", String.format(Locale.ROOT, "%+d", f.worstSentAt() - f.faultAt()),
                f.worstAckedAt() < 0 ? "∞" : String.format(Locale.ROOT, "%+d", f.worstAckedAt() - f.faultAt()));
    }
}
