package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The partition drill's window starts when the kernel says the nodes stopped, so that must be true; LocalClusterTest leaves a site alone with it. */
class FreezerTest {

    @Test
    void stopShouldReturnOnlyOnceTheProcessIsStoppedAndResumeOnceItRunsAgain() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            assertThat(Freezer.stopped(child.pid())).isFalse();

            Freezer.stop(List.of(child.pid()));
            assertThat(Freezer.stopped(child.pid())).isTrue();

            Freezer.resume(List.of(child.pid()));
            assertThat(Freezer.stopped(child.pid())).isFalse();
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void theStateShouldBeReadAfterACommandNameHoldingSpacesAndParentheses() {
        assertThat(Freezer.stateOf("4242 (java (a) b) T 1 4242 4242 0 -1")).isEqualTo('T');
        assertThat(Freezer.stateOf("7 (sleep) S 1 7 7 0 -1")).isEqualTo('S');
    }

    @Test
    void aLineWithoutAStateShouldBeRefusedNamingIt() {
        assertThatThrownBy(() -> Freezer.stateOf("garbage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statLine: garbage (expected: pid (comm) state ...)");
    }
}
