package io.ieum.cli.drill;

import java.time.Duration;
import java.util.Optional;

/** The fault a drill injects under traffic, and how it heals it. */
interface Scenario {

    /**
     * Injects the fault, keeps it for {@code plan.faultFor()}, heals it and returns once the cluster
     * is whole again. Marks what it did on the log.
     */
    Outcome run(DrillPlan plan, DrillCluster cluster, DrillLog log, DrillClient isolatedProbe) throws InterruptedException;

    /**
     * @param resumeFrom  when clients start having to resume (the kill, the freeze), drill milliseconds
     * @param resumeUntil sends made after this are not part of the resume measurement
     * @param refusal     where a majority could not be reached: no send made inside it may be acknowledged inside it
     * @param refusalText what a user on the cut-off side was told, if the drill asked
     * @param healed      whether the scenario healed the fault (false: {@code --leave-killed}, nothing to check)
     */
    record Outcome(long resumeFrom, long resumeUntil, Optional<Window> refusal, Optional<String> refusalText,
                   boolean healed) {}

    record Window(long from, long until) {}

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
