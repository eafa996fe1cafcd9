package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

import io.ieum.devcluster.Site;

/**
 * What one drill does.
 *
 * @param kind         which fault
 * @param clusterDir   the cluster to use (started there first if nothing runs in it)
 * @param clients      simulated people, spread round-robin over the three sites
 * @param rooms        group rooms; each has members on every site
 * @param sendsPerSecond per client
 * @param warmup       traffic before the fault; the fault strikes at a random moment in its second half
 * @param faultFor     how long the site stays dead (or isolated) under traffic
 * @param settle       traffic after the site is back, before the final checks
 * @param site         the site that fails
 * @param resumeLimit  the p99 time-to-resume the drill must stay within
 * @param seed         makes the random moment and the message texts repeatable
 * @param socketCatchUp clients catch up with {@code sync} frames on their socket, as before ADR 0014
 *                     (to compare), instead of over REST
 */
public record DrillPlan(Kind kind, Path clusterDir, String addressPrefix, int basePort, int clients, int rooms,
                        double sendsPerSecond, Duration warmup, Duration faultFor, Duration settle, Site site,
                        Duration resumeLimit, long seed, Path reportDir, boolean socketCatchUp) {

    public enum Kind { FIRE, PARTITION }

    public DrillPlan {
        requireNonNull(kind, "kind");
        requireNonNull(clusterDir, "clusterDir");
        requireNonNull(addressPrefix, "addressPrefix");
        requireNonNull(warmup, "warmup");
        requireNonNull(faultFor, "faultFor");
        requireNonNull(settle, "settle");
        requireNonNull(site, "site");
        requireNonNull(resumeLimit, "resumeLimit");
        requireNonNull(reportDir, "reportDir");
        if (clients < Site.COUNT) {
            throw new IllegalArgumentException("clients: " + clients + " (expected: >= " + Site.COUNT + ", one per site)");
        }
        if (rooms < 1 || rooms > clients / Site.COUNT) {
            throw new IllegalArgumentException("rooms: " + rooms + " (expected: 1.." + clients / Site.COUNT
                    + ", every room has a member on each site)");
        }
        if (!(sendsPerSecond > 0 && sendsPerSecond <= 100)) {
            throw new IllegalArgumentException("rate: " + sendsPerSecond + " (expected: 0 < sends per second per client <= 100)");
        }
    }
}
