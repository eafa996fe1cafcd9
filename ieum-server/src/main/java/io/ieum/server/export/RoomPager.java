package io.ieum.server.export;

import java.util.List;
import java.util.function.Consumer;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.model.Entry;
import io.ieum.core.store.TimelineStore;

/** Walks a room's whole timeline newest first, one page at a time, so no room is ever held whole. */
final class RoomPager {

    private static final int PAGE = 500;

    private RoomPager() {}

    static void forEachEntry(TimelineStore timeline, RoomId roomId, Consumer<Entry> action) {
        MessageId before = null;
        while (true) {
            List<Entry> page = timeline.before(roomId, before, PAGE);
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            before = page.get(page.size() - 1).id();
        }
    }
}
