package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkerProcessTest {

    @Test
    void childShouldGetTheParentsHeapGcJitAndLeakDetectionFlagsOnly() {
        List<String> parent = List.of("-Xms1g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC",
                "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=2",
                "-Dio.netty.leakDetection.level=disabled", "-javaagent:x.jar", "-XX:StartFlightRecording", "-Dother=1");

        assertThat(WorkerProcess.jvmFlags(parent)).containsExactly("-Xms1g", "-Xmx2g", "-XX:+AlwaysPreTouch",
                "-XX:+UseParallelGC", "-XX:MaxGCPauseMillis=20", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=2",
                "-Dio.netty.leakDetection.level=disabled");
    }
}
