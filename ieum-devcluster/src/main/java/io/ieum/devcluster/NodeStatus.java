package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.Set;

/**
 * One node as the cluster sees it: is its process alive, does it answer CQL, and which sites'
 * nodes consider it up or down.
 */
public record NodeStatus(
        Site site,
        String host,
        OptionalLong pid,
        boolean cqlReachable,
        Set<Site> seenUpBy,
        Set<Site> seenDownBy,
        OptionalLong residentKib) {

    public NodeStatus {
        requireNonNull(site, "site");
        requireNonNull(host, "host");
        requireNonNull(pid, "pid");
        seenUpBy = Set.copyOf(seenUpBy);
        seenDownBy = Set.copyOf(seenDownBy);
        requireNonNull(residentKib, "residentKib");
    }

    public boolean processAlive() {
        return pid.isPresent();
    }

    /** Running, serving CQL, and considered up by every other reachable site. */
    public boolean healthy() {
        return processAlive() && cqlReachable && seenDownBy.isEmpty();
    }

    /** One line for {@code ieum cluster status}. */
    public String describe() {
        return "%s %-12s %-5s pid=%-8s cql=%-4s seenUpBy=%s seenDownBy=%s rss=%s".formatted(
                site, host, site.datacenter(),
                pid.isPresent() ? Long.toString(pid.getAsLong()) : "-",
                cqlReachable ? "up" : "down",
                sorted(seenUpBy), sorted(seenDownBy),
                residentKib.isPresent() ? (residentKib.getAsLong() / 1024) + "MiB" : "-");
    }

    private static String sorted(Set<Site> sites) {
        return sites.stream().mapToInt(Site::number).sorted()
                .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
