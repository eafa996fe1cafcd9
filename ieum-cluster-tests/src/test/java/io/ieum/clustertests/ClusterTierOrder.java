package io.ieum.clustertests;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the real-cluster classes on the JVM's one cluster: those that leave every site up
 * first, so the shared holder rarely has to restart a site (~1 minute each), the shop storm just
 * before {@code ClusterCommandClusterTest}, whose first test brings back the site the storm kills
 * (ADR 0018), and which runs last: its final step is {@code cluster down}. Every class still
 * gets every site up before it starts (SharedClusterExtension), so the order saves time; it is not
 * what makes a class pass.
 */
public final class ClusterTierOrder implements ClassOrderer {

    /** Simple class names, in the order they run; a class not named runs before the last one. */
    static final List<String> ORDER = List.of(
            "*store*",                       // the Cassandra store suite: contracts, multi-site, consistency
            "CassandraSiteLossTest",         // kills a site's Cassandra node and restarts it itself
            "LocalClusterTest",              // kills site 2 and restarts it, freezes sites 1 and 3 and thaws them
            "ShopStormClusterTest",          // kills site 2 (left dead for ClusterCommandClusterTest's rejoin test)
            "*other*",
            "ClusterCommandClusterTest");    // brings site 2 back, both drills (fire leaves a site dead), `cluster down`

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Comparator<ClassDescriptor> byRank = Comparator.comparingInt(descriptor -> rank(descriptor.getTestClass()));
        context.getClassDescriptors().sort(byRank.thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    static int rank(Class<?> testClass) {
        int named = ORDER.indexOf(testClass.getSimpleName());
        if (named >= 0) {
            return named;
        }
        return testClass.getPackageName().equals("io.ieum.store.cassandra") ? ORDER.indexOf("*store*") : ORDER.indexOf("*other*");
    }
}
