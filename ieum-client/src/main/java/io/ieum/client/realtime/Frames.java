package io.ieum.client.realtime;

import java.util.List;
import java.util.Map;

import io.ieum.client.Json;
import io.ieum.client.model.AttachmentView;

/** The client frames of the WebSocket protocol, written exactly as the server expects them. */
final class Frames {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Frames() {}

    static String auth(String token) {
        return Json.write(Map.of("type", "auth", "token", token));
    }

    /**
     * Written by hand into one builder: a load generator makes thousands a second, and a JSON
     * generator per frame showed in its profiles. Attachments (rare, nested) still go through Jackson.
     */
    static String send(String id, String roomId, String text, String replyTo, List<AttachmentView> attachments) {
        StringBuilder out = new StringBuilder(112 + (text == null ? 0 : text.length()));
        out.append("{\"type\":\"send\",\"id\":");
        string(out, id);
        out.append(",\"roomId\":");
        string(out, roomId);
        out.append(",\"text\":");
        string(out, text);
        out.append(",\"replyTo\":");
        string(out, replyTo);
        out.append(",\"attachments\":");
        out.append(attachments.isEmpty() ? "[]" : Json.write(attachments));
        return out.append('}').toString();
    }

    /** A JSON string (or null), escaped as JSON requires: quote, backslash and control characters. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String read(String roomId, String upTo) {
        return Json.write(Map.of("type", "read", "roomId", roomId, "upTo", upTo));
    }

    static String delete(String roomId, String id) {
        return Json.write(Map.of("type", "delete", "roomId", roomId, "id", id));
    }

    /** The {@code ref} of every sync this client sends, so that an {@code error} answering one is recognised. */
    static final String SYNC_REF = "sync";

    static String syncSince(String cursor) {
        return Json.write(Map.of("type", "sync", "since", cursor, "ref", SYNC_REF));
    }

    static String syncAfter(String cursor) {
        return Json.write(Map.of("type", "sync", "after", cursor, "ref", SYNC_REF));
    }

    static String ping() {
        return "{\"type\":\"ping\"}";
    }
}
