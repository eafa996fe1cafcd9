package io.ieum.client.realtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ieum.client.Json;
import io.ieum.client.model.EntryView;

/**
 * Reads a server frame from its UTF-8 bytes in one streaming pass, in any field order. Entries are
 * bound to {@link EntryView} only if asked; otherwise only their {@code id} is read and the rest is
 * skipped unread, which is what a load generator receiving 100,000 frames a second needs.
 */
final class ServerFrameReader {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ServerFrameReader() {}

    /**
     * @throws IOException if the bytes are not one JSON object (the caller ignores such a frame)
     */
    static ServerFrame read(byte[] utf8, int offset, int length, boolean bindEntries) throws IOException {
        try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("frame: not a JSON object");
            }
            String type = null, id = null, roomId = null, status = null, ref = null, error = null, message = null,
                    userId = null, upTo = null, serverTime = null, cursor = null;
            boolean hasMore = false;
            List<PushedEntry> entries = List.of();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> type = text(p, value);
                    case "id" -> id = text(p, value);
                    case "roomId" -> roomId = text(p, value);
                    case "status" -> status = text(p, value);
                    case "ref" -> ref = text(p, value);
                    case "error" -> error = text(p, value);
                    case "message" -> message = text(p, value);
                    case "userId" -> userId = text(p, value);
                    case "upTo" -> upTo = text(p, value);
                    case "serverTime" -> serverTime = text(p, value);
                    case "cursor" -> cursor = text(p, value);
                    case "hasMore" -> hasMore = value == JsonToken.VALUE_TRUE;
                    case "entry" -> entries = value == JsonToken.START_OBJECT
                            ? List.of(entry(p, bindEntries)) : skip(p);
                    case "entries" -> entries = value == JsonToken.START_ARRAY ? entries(p, bindEntries) : skip(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("frame: cut short");
            }
            return new ServerFrame(type, id, roomId, status, ref, error, message, userId, upTo, serverTime, cursor,
                    hasMore, entries);
        }
    }

    private static List<PushedEntry> entries(JsonParser p, boolean bind) throws IOException {
        List<PushedEntry> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            list.add(entry(p, bind));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new IOException("entries: expected objects");
        }
        return list;
    }

    /** The parser is on the entry's START_OBJECT; leaves it on its END_OBJECT. */
    private static PushedEntry entry(JsonParser p, boolean bind) throws IOException {
        if (bind) {
            EntryView view = MAPPER.readValue(p, EntryView.class);
            if (view.id() == null) {
                throw new IOException("entry: no id");
            }
            return new PushedEntry(view.id(), view);
        }
        String id = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (field.equals("id")) {
                id = text(p, value);
            } else {
                p.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("entry: no id");
        }
        return new PushedEntry(id, null);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static List<PushedEntry> skip(JsonParser p) throws IOException {
        p.skipChildren();
        return List.of();
    }
}
