package io.ieum.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.store.TimelineStore;

/**
 * Finds whether a room's messages carry an attachment, by paging the room's history newest first.
 * The timeline port has no index by attachment, so the scan is capped: an attachment older than
 * the newest {@link #MAX_SCANNED} entries is no longer reachable through the room (its uploader
 * still reaches it through {@code /api/attachments/{sha256}}).
 */
final class AttachmentAccess {

    static final int MAX_SCANNED = 20_000;
    private static final int PAGE = 500;

    private final TimelineStore timeline;

    AttachmentAccess(TimelineStore timeline) {
        this.timeline = requireNonNull(timeline, "timeline");
    }

    /** The attachment's metadata as a message of the room carries it, if any (not-deleted) message does. */
    Optional<Attachment> find(RoomId roomId, String sha256) {
        MessageId before = null;
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            List<Entry> page = timeline.before(roomId, before, PAGE);
            for (Entry entry : page) {
                for (Attachment attachment : entry.attachments()) {
                    if (attachment.sha256().equals(sha256)) {
                        return Optional.of(attachment);
                    }
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            scanned += page.size();
            before = page.get(page.size() - 1).id();
        }
        return Optional.empty();
    }
}
