package io.ieum.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM running another {@code ieum} command from this same jar, as the
 * load generators' extra processes do ({@code ieum bench --processes}, {@code ieum ceiling load
 * --processes}): the same {@code java}, the parent's {@link #inheritedFlags}, the same class path.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** {@code java [inherited flags] -cp CLASSPATH io.ieum.cli.IeumCli ARGS...} */
    public static List<String> command(List<String> ieumArgs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(inheritedFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IeumCli.class.getName()));
        command.addAll(ieumArgs);
        return command;
    }

    /**
     * The parent's heap, GC and JIT flags and its Netty leak-detection level, so that a child runs
     * like the parent (the JIT is most of a short run's CPU; a heap that grows during the run makes
     * young collections fault its new pages in, which showed as 50–100 ms pauses: docs/benchmarks.md);
     * nothing else (no agents, no JFR, no log files that every child would write over).
     */
    public static List<String> inheritedFlags(List<String> parentFlags) {
        return parentFlags.stream()
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:+Use")
                        || a.equals("-XX:+AlwaysPreTouch") || a.startsWith("-XX:MaxGCPauseMillis=")
                        || a.startsWith("-XX:TieredStopAtLevel=") || a.startsWith("-XX:CICompilerCount=")
                        || a.equals("-XX:-TieredCompilation") || a.startsWith("-Dio.netty.leakDetection.level="))
                .toList();
    }
}
