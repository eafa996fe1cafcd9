package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class HighestEntryIdTest {

    private static final UUID LOW = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    /** Sign bit set in both halves: higher than LOW only if compared unsigned, as UUIDv7s order. */
    private static final UUID HIGH = UUID.fromString("f193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private final HighestEntryId highest = new HighestEntryId();

    @Test
    void nothingSeenShouldGiveNoCursor() {
        assertThat(highest.text()).isNull();
    }

    @Test
    void halvesShouldOrderAsUuidsAndGiveTheCanonicalText() {
        assertThat(highest.offer(LOW.getMostSignificantBits(), LOW.getLeastSignificantBits())).isTrue();
        assertThat(highest.offer(HIGH.getMostSignificantBits(), HIGH.getLeastSignificantBits())).isTrue();
        assertThat(highest.offer(LOW.getMostSignificantBits(), LOW.getLeastSignificantBits())).isFalse();
        assertThat(highest.offer(HIGH.getMostSignificantBits(), HIGH.getLeastSignificantBits())).isFalse();

        assertThat(highest.text()).isEqualTo(HIGH.toString());
    }

    @Test
    void anIdThatCameAsTextShouldBeGivenBackAsItCame() {
        String upper = HIGH.toString().toUpperCase();
        highest.offer(LOW.getMostSignificantBits(), LOW.getLeastSignificantBits());

        assertThat(highest.offer(upper)).isTrue();
        assertThat(highest.text()).isEqualTo(upper);
        // The same ID again in canonical form is no higher: the text stays.
        assertThat(highest.offer(HIGH.toString())).isFalse();
        assertThat(highest.text()).isEqualTo(upper);
    }

    @Test
    void textThatIsNoUuidShouldNotBecomeTheCursor() {
        highest.offer(LOW.toString());

        assertThat(highest.offer("not-an-id")).isFalse();
        assertThat(highest.text()).isEqualTo(LOW.toString());
    }
}
