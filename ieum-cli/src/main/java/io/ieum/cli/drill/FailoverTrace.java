package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The steps of one client's realtime connection over the whole drill, so that the report can say
 * where a killed site's client spent its time to resume. Bounded: a connection that keeps failing
 * (or a flood of error frames) must not grow it without end.
 */
final class FailoverTrace {

    static final int MAX_STEPS = 2_000;

    private final LongSupplier clock;
    private final List<FailoverStep> steps = new ArrayList<>();
    private int dropped;

    /** @param clock drill milliseconds now */
    FailoverTrace(LongSupplier clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    void record(FailoverStep.Kind kind, String site, String detail) {
        FailoverStep step = new FailoverStep(clock.getAsLong(), kind, site, detail);
        synchronized (steps) {
            if (steps.size() < MAX_STEPS) {
                steps.add(step);
            } else {
                dropped++;
            }
        }
    }

    /** The steps taken in [{@code from}, {@code until}), oldest first. */
    List<FailoverStep> between(long from, long until) {
        synchronized (steps) {
            return steps.stream().filter(s -> s.at() >= from && s.at() < until).toList();
        }
    }

    int dropped() {
        synchronized (steps) {
            return dropped;
        }
    }
}
