package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.util.ResourceLeakDetector;

class LeakDetectionTest {

    @Test
    void serveShouldTurnTheDetectorOffWhenNoLevelIsAskedFor() {
        assertThat(LeakDetection.forServe(null)).contains(ResourceLeakDetector.Level.DISABLED);
    }

    @Test
    void serveShouldLeaveALevelThatWasAskedForAlone() {
        assertThat(LeakDetection.forServe("paranoid")).isEmpty();
        assertThat(LeakDetection.forServe("simple")).isEmpty();
    }
}
