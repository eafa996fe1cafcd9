package io.ieum.cli.drill;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.ieum.cli.Messages;
import io.ieum.client.ClientOptions;
import io.ieum.client.IeumClient;
import io.ieum.client.IeumClientException;
import io.ieum.client.RetryPolicy;
import io.ieum.devcluster.Site;

/**
 * A site cut off from the other two, rehearsed with SIGSTOP (no root, no network namespaces here),
 * from each side in turn, because one frozen process cannot give both views at once:
 * <ol>
 *   <li><b>the majority's view</b>: the site's Cassandra node frozen — the other two sites, and the
 *       site's own Ieum node through them, must carry on;</li>
 *   <li><b>the cut-off side's view</b>: the other two sites' Cassandra nodes frozen, the site's own
 *       node alive but alone — nothing may be acknowledged, and a user there gets a clear error.</li>
 * </ol>
 * Each phase is healed (SIGCONT), the cluster seen healthy (after the first phase the thawed node is
 * also caught up with {@code ieum cluster repair}) and the first phase's sends answered
 * before the next. The "cut off" window starts once the kernel reports the frozen nodes stopped
 * ({@link io.ieum.devcluster.Freezer}), not when the signal is sent: a write that reached a majority in between is a
 * write with a majority, correctly acknowledged.
 */
final class PartitionScenario implements Scenario {

    static final Duration HEAL_TIMEOUT = Duration.ofMinutes(3);
    /** How long the sends of the first phase may take to be answered before the second phase starts anyway. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public Outcome run(DrillPlan plan, DrillCluster cluster, DrillLog log, DrillClient isolatedProbe)
            throws InterruptedException {
        Site cut = plan.site();
        List<Site> others = Site.all().stream().filter(s -> !s.equals(cut)).toList();

        // Marked before the signal: resume is counted from the earliest moment the fault could bite.
        DrillEvent freeze = log.mark("freeze", Messages.get("drill.event.freeze", cut.number()));
        cluster.freezeCassandra(List.of(cut));
        Scenario.pause(plan.faultFor());
        cluster.thawCassandra(List.of(cut));
        DrillEvent thaw = log.mark("thaw", Messages.get("drill.event.thaw", cut.number()));
        awaitHealthy(cluster);
        // The thawed node missed the writes of its frozen seconds (the dev cluster keeps no hints): catch it up.
        cluster.repair(cut);
        log.mark("repaired", Messages.get("drill.event.repaired", cut.number()));
        // Every send of the first phase answered before the second freezes the majority: otherwise a send
        // made just before it waits out the whole second phase and counts as a 12 s resume of the first.
        awaitAnswered(log, thaw.at());

        log.mark("isolating", Messages.get("drill.event.isolating", cut.number()));
        cluster.freezeCassandra(others);
        // Marked once the kernel reports both nodes stopped: a send made from here on can reach no majority.
        DrillEvent isolate = log.mark("isolate", Messages.get("drill.event.isolate", cut.number()));
        long deadline = System.nanoTime() + plan.faultFor().toNanos();
        String told = askCutOffSide(cluster.urls().get(cut.number() - 1), isolatedProbe);
        long left = deadline - System.nanoTime();
        if (left > 0) {
            Scenario.pause(Duration.ofNanos(left));
        }
        DrillEvent heal = log.mark("heal", Messages.get("drill.event.heal", cut.number()));
        cluster.thawCassandra(others);
        awaitHealthy(cluster);
        log.mark("back", Messages.get("drill.event.healed"));
        return new Outcome(freeze.at(), thaw.at(), Optional.of(new Window(isolate.at(), heal.at())), Optional.of(told), true);
    }

    /** Waits (bounded) until every send made before {@code until} is acknowledged or failed for good. */
    private static void awaitAnswered(DrillLog log, long until) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (log.sends().stream().anyMatch(s -> s.sentAt < until && !s.isAcked() && s.error() == null)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** One REST send on the cut-off site, no retry: what does a user there see? */
    private static String askCutOffSide(URI site, DrillClient member) {
        try (IeumClient probe = IeumClient.create(ClientOptions.builder().server(site)
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0))
                .requestTimeout(Duration.ofSeconds(20)).build())) {
            IeumClient asMember = probe.as(member.rest().token());
            String room = member.firstRoom();
            try {
                var result = asMember.sendViaRest(room, "drill: written on the cut-off side");
                return "ACKNOWLEDGED " + result.status();
            } catch (IeumClientException e) {
                return e.status() + " " + e.error() + ": " + e.getMessage();
            }
        }
    }

    private static void awaitHealthy(DrillCluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + HEAL_TIMEOUT.toNanos();
        while (!Site.all().stream().allMatch(cluster::healthy)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not become healthy within " + HEAL_TIMEOUT + " after healing");
            }
            Thread.sleep(250);
        }
    }
}
