package io.ieum.cli.drill;

import java.util.ArrayList;
import java.util.List;

import io.ieum.client.model.EntryView;
import io.ieum.client.model.HistoryPage;

/** A member's whole history of a room, oldest first, read page by page through its own client. */
final class MemberViews {

    static final int PAGE = 200;

    private MemberViews() {}

    static List<EntryView> history(DrillClient member, String roomId) {
        List<EntryView> newestFirst = new ArrayList<>();
        String before = null;
        while (true) {
            HistoryPage page = member.rest().history(roomId, before, PAGE);
            newestFirst.addAll(page.entries());
            if (!page.hasMore() || page.entries().isEmpty()) {
                break;
            }
            before = page.entries().get(page.entries().size() - 1).id();
        }
        List<EntryView> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
