package io.ieum.client.model;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a room's timeline. {@code text}, {@code replyTo} and {@code target} may be null;
 * {@code unreadBy} is null on live pushes (the server computes it for history only).
 */
public record EntryView(String id, String roomId, String sender, String kind, String text, String replyTo,
                        List<AttachmentView> attachments, String target, boolean deleted, Instant createdAt,
                        Integer unreadBy) {

    public EntryView {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean isMessage() {
        return "MESSAGE".equals(kind);
    }
}
