package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/**
 * One item of a room's timeline: a message or an event about the room.
 *
 * @param id        client-created for messages, server-created for events; orders the timeline
 * @param sender    who wrote the message or caused the event
 * @param text      message text; empty for events and for deleted messages
 * @param replyTo   the message this one answers, or {@code null}
 * @param target    for events, the user or message the event is about, as a string; else {@code null}
 * @param deleted   true once the message was deleted for everyone (its text and attachments are gone)
 */
public record Entry(RoomId roomId, MessageId id, UserId sender, EntryKind kind, String text,
                    MessageId replyTo, List<Attachment> attachments, String target, boolean deleted) {

    public Entry {
        requireNonNull(roomId, "roomId");
        requireNonNull(id, "id");
        requireNonNull(sender, "sender");
        requireNonNull(kind, "kind");
        requireNonNull(text, "text");
        attachments = List.copyOf(requireNonNull(attachments, "attachments"));
    }

    public static Entry message(RoomId roomId, MessageId id, UserId sender, String text,
                                MessageId replyTo, List<Attachment> attachments) {
        return new Entry(roomId, id, sender, EntryKind.MESSAGE, text, replyTo, attachments, null, false);
    }

    public static Entry event(RoomId roomId, MessageId id, UserId actor, EntryKind kind, String target) {
        return new Entry(roomId, id, actor, kind, "", null, List.of(), target, false);
    }

    public boolean isMessage() {
        return kind == EntryKind.MESSAGE;
    }

    /** The same message with its content removed, as everyone sees it after "delete for everyone". */
    public Entry asDeleted() {
        return new Entry(roomId, id, sender, kind, "", replyTo, List.of(), target, true);
    }

    /** Whether {@code other} is the same write as this one (a retry), as opposed to a different write reusing the ID. */
    public boolean sameWriteAs(Entry other) {
        return roomId.equals(other.roomId) && id.equals(other.id) && sender.equals(other.sender)
                && kind == other.kind && (deleted || other.deleted || text.equals(other.text));
    }
}
