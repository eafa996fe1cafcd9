package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void residentMemoryShouldBeParsedFromVmRssLine() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  987654 kB\nThreads:\t80\n";

        assertThat(ProcStatus.parseVmRssKib(status)).hasValue(987654);
    }

    @Test
    void ownCommandLineShouldBeReadable() {
        assertThat(ProcStatus.commandLine(ProcessHandle.current().pid()))
                .hasValueSatisfying(args -> assertThat(args.get(0)).endsWith("java"));
    }
}
