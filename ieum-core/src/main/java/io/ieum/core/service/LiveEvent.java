package io.ieum.core.service;

import static java.util.Objects.requireNonNull;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Entry;

/** What is pushed to connected devices. */
public sealed interface LiveEvent {

    RoomId roomId();

    /** A new timeline entry: a message, a deletion, or a membership change. */
    record EntryAdded(Entry entry) implements LiveEvent {
        public EntryAdded {
            requireNonNull(entry, "entry");
        }

        @Override
        public RoomId roomId() {
            return entry.roomId();
        }
    }

    /** A member's read position moved forward. */
    record ReadMoved(RoomId roomId, UserId userId, MessageId upTo) implements LiveEvent {
        public ReadMoved {
            requireNonNull(roomId, "roomId");
            requireNonNull(userId, "userId");
            requireNonNull(upTo, "upTo");
        }
    }

    /**
     * A room's members changed. Carries nothing to push to devices (they learn of the change from the
     * timeline entry); it tells the other nodes to drop their cached members of the room at once, so
     * a removed member stops receiving, and a new one starts, without waiting for the cache to expire.
     * Published with no recipients.
     */
    record MembersChanged(RoomId roomId) implements LiveEvent {
        public MembersChanged {
            requireNonNull(roomId, "roomId");
        }
    }
}
