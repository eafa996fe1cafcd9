package io.ieum.cli.drill;

import java.util.Optional;

import io.ieum.cli.Messages;

/** {@code kill -9} of every process of one site, traffic on, then the site restarted and caught up. */
final class FireScenario implements Scenario {

    @Override
    public Outcome run(DrillPlan plan, DrillCluster cluster, DrillLog log, DrillClient isolatedProbe)
            throws InterruptedException {
        DrillEvent kill = log.mark("kill", Messages.get("drill.event.kill", plan.site().number()));
        cluster.kill(plan.site());
        Scenario.pause(plan.faultFor());
        log.mark("restart", Messages.get("drill.event.restart", plan.site().number()));
        cluster.start(plan.site());
        log.mark("back", Messages.get("drill.event.back", plan.site().number()));
        return new Outcome(kill.at(), Long.MAX_VALUE, Optional.empty(), Optional.empty());
    }
}
