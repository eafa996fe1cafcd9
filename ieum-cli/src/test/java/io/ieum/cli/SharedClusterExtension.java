package io.ieum.cli;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ieum.devcluster.Site;

/**
 * Before every class tagged {@code cassandra}: the JVM's {@link SharedCluster} (started by the first
 * such class, kept in the root store so JUnit closes it — {@code cluster down} — after the last
 * one), with every site up (but a site the class {@link BringsBackSite brings back} itself). ieum-cluster-tests registers it for every class (ServiceLoader); the
 * cluster classes of this module also name it, so they run alone too.
 */
public final class SharedClusterExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!context.getTags().contains("cassandra")) {
            return;
        }
        SharedCluster cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedCluster.class, key -> SharedCluster.get(), SharedCluster.class);
        long t0 = System.nanoTime();
        Set<Site> asFound = Optional.ofNullable(context.getRequiredTestClass().getAnnotation(BringsBackSite.class))
                .map(site -> Set.of(Site.of(site.value()))).orElse(Set.of());
        cluster.ensureSitesUp(asFound);
        System.out.printf("[shared cluster] every site%s up for %s (checked in %d ms)%n",
                asFound.isEmpty() ? "" : " but " + asFound + " (left as found: the class brings it back)",
                context.getRequiredTestClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
    }
}
