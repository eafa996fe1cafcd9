package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginSequencesTest {

    private final OriginSequences sequences = new OriginSequences();

    @Test
    void consecutiveNumbersShouldBeInOrderAndRepeatsDuplicates() {
        assertThat(sequences.arrive("node-b/01", 5)).isEqualTo(Arrival.FIRST);
        assertThat(sequences.arrive("node-b/01", 6)).isEqualTo(Arrival.IN_ORDER);
        assertThat(sequences.arrive("node-b/01", 6)).isEqualTo(Arrival.DUPLICATE);
        assertThat(sequences.arrive("node-b/01", 2)).isEqualTo(Arrival.DUPLICATE);
        assertThat(sequences.arrive("node-b/01", 7)).isEqualTo(Arrival.IN_ORDER);
    }

    @Test
    void skippedNumbersShouldBeReportedOnceAndTheCountResumeFromTheNewOne() {
        sequences.arrive("node-b/01", 1);
        assertThat(sequences.arrive("node-b/01", 4)).isEqualTo(Arrival.SKIPPED);
        assertThat(sequences.arrive("node-b/01", 3)).isEqualTo(Arrival.DUPLICATE); // late: already counted as missed
        assertThat(sequences.arrive("node-b/01", 5)).isEqualTo(Arrival.IN_ORDER);
    }

    @Test
    void aNewBootOfAKnownNameShouldBeARestartButAnotherNameNot() {
        sequences.arrive("node-b/01", 40);
        assertThat(sequences.arrive("node-c/07", 1)).isEqualTo(Arrival.FIRST);
        assertThat(sequences.arrive("node-b/02", 1)).isEqualTo(Arrival.RESTARTED);
        assertThat(sequences.arrive("node-b/02", 2)).isEqualTo(Arrival.IN_ORDER);
        // Each boot keeps its own numbering: the old boot's numbers are still recognised as seen.
        assertThat(sequences.arrive("node-b/01", 40)).isEqualTo(Arrival.DUPLICATE);
    }
}
