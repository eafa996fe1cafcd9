package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void childShouldGetTheParentsHeapGcJitAndLeakDetectionFlagsOnly() {
        List<String> parent = List.of("-Xms1g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC",
                "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=2",
                "-Dio.netty.leakDetection.level=disabled", "-javaagent:x.jar", "-XX:StartFlightRecording", "-Dother=1");

        assertThat(ChildJvm.inheritedFlags(parent)).containsExactly("-Xms1g", "-Xmx2g", "-XX:+AlwaysPreTouch",
                "-XX:+UseParallelGC", "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=2",
                "-Dio.netty.leakDetection.level=disabled");
    }

    @Test
    void commandShouldRunIeumFromThisClassPathWithTheGivenArguments() {
        List<String> command = ChildJvm.command(List.of("bench", "--worker", "share.json"));

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).containsSubsequence("-cp", System.getProperty("java.class.path"), IeumCli.class.getName(),
                "bench", "--worker", "share.json");
        assertThat(command.subList(command.size() - 4, command.size()))
                .containsExactly(IeumCli.class.getName(), "bench", "--worker", "share.json");
    }
}
