package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.ieum.client.model.EntryView;
import io.ieum.client.model.HistoryPage;

class StoredCheckTest {

    /** A room of 450 entries named m000..m449 (newest last), served newest first in pages like the server's. */
    private final List<String> room = IntStream.range(0, 450).mapToObj(i -> String.format("m%03d", i)).toList();
    private final List<String> pagesAsked = new ArrayList<>();

    private HistoryPage page(String roomId, String before, int limit) {
        pagesAsked.add(before);
        int end = before == null ? room.size() : room.indexOf(before);
        int start = Math.max(0, end - limit);
        List<EntryView> entries = new ArrayList<>();
        for (int i = end - 1; i >= start; i--) {
            entries.add(new EntryView(room.get(i), roomId, "u", "message", "t", null, List.of(), null, false,
                    Instant.EPOCH, null));
        }
        return new HistoryPage(entries, start > 0);
    }

    @Test
    void messagesFoundInTheHistoryShouldNotCountAsLost() {
        long notStored = StoredCheck.notStored(Map.of("r", Set.of("m449", "m120", "m003")), this::page);

        assertThat(notStored).isZero();
        assertThat(pagesAsked).hasSize(3); // 450 entries in pages of 200
    }

    @Test
    void messagesMissingFromTheHistoryShouldCountAsLost() {
        long notStored = StoredCheck.notStored(Map.of("r", Set.of("m300", "gone-1", "gone-2")), this::page);

        assertThat(notStored).isEqualTo(2);
    }

    @Test
    void readingShouldStopOnceEveryMessageIsFound() {
        StoredCheck.notStored(Map.of("r", Set.of("m440")), this::page);

        assertThat(pagesAsked).containsExactly((String) null);
    }
}
