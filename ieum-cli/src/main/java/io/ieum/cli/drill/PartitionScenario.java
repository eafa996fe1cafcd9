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
 * Each phase is healed (SIGCONT) and the cluster seen healthy before the next.
 */
final class PartitionScenario implements Scenario {

    static final Duration HEAL_TIMEOUT = Duration.ofMinutes(3);

    @Override
    public Outcome run(DrillPlan plan, DrillCluster cluster, DrillLog log, DrillClient isolatedProbe)
            throws InterruptedException {
        Site cut = plan.site();
        List<Site> others = Site.all().stream().filter(s -> !s.equals(cut)).toList();

        DrillEvent freeze = log.mark("freeze", Messages.get("drill.event.freeze", cut.number()));
        cluster.freezeCassandra(cut);
        Scenario.pause(plan.faultFor());
        cluster.thawCassandra(cut);
        log.mark("thaw", Messages.get("drill.event.thaw", cut.number()));
        awaitHealthy(cluster);

        DrillEvent isolate = log.mark("isolate", Messages.get("drill.event.isolate", cut.number()));
        others.forEach(cluster::freezeCassandra);
        long deadline = System.nanoTime() + plan.faultFor().toNanos();
        String told = askCutOffSide(cluster.urls().get(cut.number() - 1), isolatedProbe);
        long left = deadline - System.nanoTime();
        if (left > 0) {
            Scenario.pause(Duration.ofNanos(left));
        }
        DrillEvent heal = log.mark("heal", Messages.get("drill.event.heal", cut.number()));
        others.forEach(cluster::thawCassandra);
        awaitHealthy(cluster);
        log.mark("back", Messages.get("drill.event.healed"));
        return new Outcome(freeze.at(), isolate.at(), Optional.of(new Window(isolate.at(), heal.at())), Optional.of(told));
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
