package io.ieum.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sites a client may talk to, and which one it talks to now. When a site fails the client
 * moves to the next one, round the list; REST calls and the realtime connection share one list so
 * that they agree on the site that works.
 */
public final class SiteList {

    private final List<URI> sites;
    private final AtomicInteger current = new AtomicInteger();

    public SiteList(List<URI> sites) {
        requireNonNull(sites, "sites");
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("sites: [] (expected: at least one server URI)");
        }
        this.sites = List.copyOf(sites);
    }

    public URI current() {
        return sites.get(Math.floorMod(current.get(), sites.size()));
    }

    /**
     * Moves past {@code failed}, unless another caller already moved on: two requests that fail on
     * the same site must not skip the next, healthy one.
     */
    public URI failedOver(URI failed) {
        int seen = current.get();
        if (sites.get(Math.floorMod(seen, sites.size())).equals(failed)) {
            current.compareAndSet(seen, seen + 1);
        }
        return current();
    }

    public List<URI> all() {
        return sites;
    }

    public int size() {
        return sites.size();
    }
}
