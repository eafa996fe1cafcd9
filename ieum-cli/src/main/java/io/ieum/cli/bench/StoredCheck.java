package io.ieum.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.ieum.client.model.EntryView;
import io.ieum.client.model.HistoryPage;

/**
 * Tells "not pushed in time" from "lost". When a run ends with acknowledged messages that some
 * connection never received, each is looked up in its room's history: one found there was stored
 * (a device gets it on its next sync; the push was only late or dropped with a socket); one not
 * found is lost. Under overload the wait for deliveries can end while pushes still trickle in, so
 * a missing delivery alone proves nothing.
 */
final class StoredCheck {

    /** The largest history page the server gives. */
    static final int PAGE = 200;

    /** One page of a room's history, newest first; {@code before} null for the newest page. */
    interface HistoryReader {
        HistoryPage page(String roomId, String before, int limit);
    }

    private StoredCheck() {}

    /**
     * How many of {@code missingByRoom}'s message IDs are not in their room's history. Each room is
     * read backwards from its newest entry until every ID asked for was found or the history ends.
     */
    static long notStored(Map<String, Set<String>> missingByRoom, HistoryReader history) {
        requireNonNull(missingByRoom, "missingByRoom");
        requireNonNull(history, "history");
        long notFound = 0;
        for (Map.Entry<String, Set<String>> room : missingByRoom.entrySet()) {
            Set<String> wanted = new HashSet<>(room.getValue());
            String before = null;
            while (!wanted.isEmpty()) {
                HistoryPage page = history.page(room.getKey(), before, PAGE);
                for (EntryView entry : page.entries()) {
                    wanted.remove(entry.id());
                }
                if (!page.hasMore() || page.entries().isEmpty()) {
                    break;
                }
                before = page.entries().get(page.entries().size() - 1).id();
            }
            notFound += wanted.size();
        }
        return notFound;
    }
}
