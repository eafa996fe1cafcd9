package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.ieum.server.json.Json;
import io.ieum.server.json.Views.EntryView;
import io.ieum.server.json.Views.UserView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The server frames of docs/protocol.md as records, and their encoding. {@code ref} is left out
 * when the client sent none, and so is an entry's {@code unreadBy}, which only history computes.
 */
final class ServerFrames {

    private final ObjectWriter writer;
    private final JsonFactory factory;

    ServerFrames(Json json) {
        ObjectMapper mapper = requireNonNull(json, "json").mapper().copy()
                .addMixIn(EntryView.class, OmitUncomputedUnreadBy.class);
        this.writer = mapper.writer();
        this.factory = mapper.getFactory();
    }

    /** The frame as one complete WebSocket text frame in a pooled buffer (see {@link TextFrames}); the caller releases it. */
    ByteBuf toWire(Frame frame) {
        if (StreamedFrames.handles(frame)) {
            return TextFrames.encode(out -> {
                try (JsonGenerator generator = factory.createGenerator(out)) {
                    StreamedFrames.write(generator, frame);
                }
            }, frame.getClass().getSimpleName(), ByteBufAllocator.DEFAULT);
        }
        return TextFrames.encode(writer, frame, ByteBufAllocator.DEFAULT);
    }

    /** The frame's JSON as data binding writes it: what {@link StreamedFrames} is tested against. */
    byte[] encodeByBinding(Frame frame) {
        try {
            return writer.writeValueAsBytes(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + frame.getClass().getSimpleName(), e);
        }
    }

    /** Live and synced entries carry no unread count; leave the field out rather than send null. */
    private abstract static class OmitUncomputedUnreadBy {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Integer unreadBy();
    }

    /** A frame the server sends. */
    sealed interface Frame permits Ready, Ack, EntryPush, ReadPush, Synced, SyncNudge, Error, Pong {}

    record Ready(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String ref, UserView user, Instant serverTime, String node) implements Frame {
        Ready(String ref, UserView user, Instant serverTime, String node) {
            this("ready", ref, user, serverTime, node);
        }
    }

    record Ack(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String ref, String id, String roomId, String status) implements Frame {
        Ack(String ref, String id, String roomId, String status) {
            this("ack", ref, id, roomId, status);
        }
    }

    record EntryPush(String type, EntryView entry) implements Frame {
        EntryPush(EntryView entry) {
            this("entry", entry);
        }
    }

    record ReadPush(String type, String roomId, String userId, String upTo) implements Frame {
        ReadPush(String roomId, String userId, String upTo) {
            this("read", roomId, userId, upTo);
        }
    }

    record Synced(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String ref, List<EntryView> entries, String cursor, boolean hasMore) implements Frame {
        Synced(String ref, List<EntryView> entries, String cursor, boolean hasMore) {
            this("synced", ref, entries, cursor, hasMore);
        }
    }

    /** "You may have missed something: sync from your cursor" (ADR 0006). */
    record SyncNudge(String type) implements Frame {
        SyncNudge() {
            this("sync");
        }
    }

    record Error(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String ref, String error, String message) implements Frame {
        Error(String ref, String error, String message) {
            this("error", ref, error, message);
        }
    }

    record Pong(String type, @JsonInclude(JsonInclude.Include.NON_NULL) String ref) implements Frame {
        Pong(String ref) {
            this("pong", ref);
        }
    }
}
