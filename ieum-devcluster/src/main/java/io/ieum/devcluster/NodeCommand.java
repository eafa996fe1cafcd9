package io.ieum.devcluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code java ...} command line that runs one Cassandra node in the foreground. */
public final class NodeCommand {

    public static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

    /**
     * From Cassandra 5.0's conf/jvm17-server.options (JPMS section): Cassandra reaches into JDK
     * internals (direct buffers, Unsafe, reference cleaners) and fails at start without them.
     */
    static final List<String> JDK17_MODULE_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    static final List<String> HEAP_AND_GC = List.of(
            "-Xms512m", "-Xmx512m",
            "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
            // A node that ran out of memory may corrupt data: die instead, like a production node.
            "-XX:+ExitOnOutOfMemoryError",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /**
     * Only the quick C1 compiler: a dev cluster lives minutes, and each node's C2 compiler thread took
     * 56 of its 153 CPU seconds 5 minutes into the real-cluster tier, on two cores the tier keeps busy.
     * With C1 alone, every site's node was up in 28.7 s instead of 43.9 s and the tier took 6:50 instead
     * of 8:51; the nodes are far from saturated, so their slower code costs less than C2 did (ADR 0021).
     */
    static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1");

    /** Cut the waits that a single-machine cluster does not need (defaults add ~30 s per node). */
    static final List<String> FAST_START = List.of(
            "-Dcassandra-foreground=yes",
            "-Dcassandra.ring_delay_ms=5000",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0");

    /**
     * A graceful stop ({@code cluster down}, after the Ieum nodes are stopped) still drains and flushes
     * every table, but neither sleeps 2 s so that peers hear of it (the whole cluster is stopping) nor
     * waits for in-flight internode messages: that wait took ~8 s of every ~15 s {@code down}, the
     * nodes' connections to each other (and to a dead site) being closed at the same moment (ADR 0020).
     */
    static final List<String> QUICK_STOP = List.of(
            "-Dcassandra.shutdown_announce_in_ms=0",
            "-Dcassandra.test.messagingService.nonGracefulShutdown=true");

    private NodeCommand() {}

    public static List<String> build(Path javaExecutable, CassandraDistribution distribution, NodeDirectories dirs) {
        requireNonNull(javaExecutable, "javaExecutable");
        requireNonNull(distribution, "distribution");
        requireNonNull(dirs, "dirs");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(HEAP_AND_GC);
        command.addAll(QUICK_JIT);
        command.addAll(JDK17_MODULE_FLAGS);
        command.addAll(FAST_START);
        command.addAll(QUICK_STOP);
        command.add("-Dcassandra.config=" + dirs.cassandraYaml().toUri());
        command.add("-Dcassandra-rackdc.properties=" + dirs.rackDcProperties().toUri());
        command.add("-Dlogback.configurationFile=" + dirs.logbackXml().toUri());
        command.add("-Dcassandra.logdir=" + dirs.logs());
        command.add("-Dcassandra.storagedir=" + dirs.root());
        command.add("-Dcassandra.triggers_dir=" + dirs.triggers());
        command.add("-cp");
        command.add(distribution.classpath());
        command.add(MAIN_CLASS);
        return List.copyOf(command);
    }

    /** The JDK running this process; nodes need Java 17 like the rest of the build. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
