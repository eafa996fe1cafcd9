package io.ieum.core.store.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.ieum.core.id.Ids;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;

/** Values shared by the contract suites. Instants are whole milliseconds, as every backend keeps them. */
public final class Fixtures {

    /** A fixed day far from bucket edges: 2026-11-25T12:00:00Z. */
    public static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    public static final String SHA_A = "a".repeat(64);
    public static final String SHA_B = "0123456789abcdef".repeat(4);

    private Fixtures() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static MessageId idAt(Instant at) {
        return new MessageId(Ids.timeOrderedAt(at));
    }

    public static Entry message(RoomId room, MessageId id, UserId sender, String text) {
        return Entry.message(room, id, sender, text, null, List.of());
    }

    public static Entry messageAt(RoomId room, Instant at, UserId sender, String text) {
        return message(room, idAt(at), sender, text);
    }

    public static Entry deletionEvent(RoomId room, MessageId target, UserId actor) {
        return Entry.event(room, MessageId.generate(), actor, EntryKind.DELETION, target.toString());
    }

    public static Attachment photo(String name) {
        return new Attachment(SHA_A, name, "image/jpeg", 12_345);
    }
}
