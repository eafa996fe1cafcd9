package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.model.Attachment;

/** A valid client frame of docs/protocol.md; {@code ref} is the optional client reference (null if absent). */
sealed interface ClientFrame extends ParseResult {

    String ref();

    /** {@code token} is null when the client sent none; authentication then fails with 4401. */
    record Auth(String ref, String token) implements ClientFrame {
        @Override
        public String toString() {
            return "Auth[ref=" + ref + "]"; // never log the token
        }
    }

    record Send(String ref, MessageId id, RoomId roomId, String text, MessageId replyTo,
                List<Attachment> attachments) implements ClientFrame {
        public Send {
            requireNonNull(id, "id");
            requireNonNull(roomId, "roomId");
            attachments = List.copyOf(requireNonNull(attachments, "attachments"));
        }

        /** The reference of an error about this send: the client's {@code ref}, else the message ID. */
        String errorRef() {
            return ref != null ? ref : id.toString();
        }
    }

    record Read(String ref, RoomId roomId, MessageId upTo) implements ClientFrame {
        public Read {
            requireNonNull(roomId, "roomId");
            requireNonNull(upTo, "upTo");
        }
    }

    record Delete(String ref, RoomId roomId, MessageId id) implements ClientFrame {
        public Delete {
            requireNonNull(roomId, "roomId");
            requireNonNull(id, "id");
        }
    }

    /**
     * @param cursor       where the device is (null: from the beginning)
     * @param continuation true for {@code after} (the next page of a catch-up), false for {@code since} (first page, with overlap)
     */
    record Sync(String ref, MessageId cursor, boolean continuation, int limit) implements ClientFrame {}

    record Ping(String ref) implements ClientFrame {}
}
