package io.ieum.cli.drill;

import java.util.Optional;

import io.ieum.cli.Messages;

/**
 * {@code kill -9} of every process of one site, traffic on, then the site restarted and caught up —
 * or, with {@code --leave-killed}, left dead while the traffic goes on (the other two sites carry it).
 */
final class FireScenario implements Scenario {

    private final boolean restart;

    FireScenario(boolean restart) {
        this.restart = restart;
    }

    @Override
    public Outcome run(DrillPlan plan, DrillCluster cluster, DrillLog log, DrillClient isolatedProbe)
            throws InterruptedException {
        DrillEvent kill = log.mark("kill", Messages.get("drill.event.kill", plan.site().number()));
        cluster.kill(plan.site());
        Scenario.pause(plan.faultFor());
        if (restart) {
            log.mark("restart", Messages.get("drill.event.restart", plan.site().number()));
            cluster.start(plan.site());
            log.mark("back", Messages.get("drill.event.back", plan.site().number()));
        } else {
            log.mark("left-killed", Messages.get("drill.event.leftKilled", plan.site().number()));
        }
        return new Outcome(kill.at(), Long.MAX_VALUE, Optional.empty(), Optional.empty(), restart);
    }
}
