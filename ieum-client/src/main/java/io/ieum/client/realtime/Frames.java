package io.ieum.client.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ieum.client.Json;
import io.ieum.client.model.AttachmentView;

/** The client frames of the WebSocket protocol, written exactly as the server expects them. */
final class Frames {

    private Frames() {}

    static String auth(String token) {
        return Json.write(Map.of("type", "auth", "token", token));
    }

    static String send(String id, String roomId, String text, String replyTo, List<AttachmentView> attachments) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "send");
        frame.put("id", id);
        frame.put("roomId", roomId);
        frame.put("text", text);
        frame.put("replyTo", replyTo);
        frame.put("attachments", attachments);
        return Json.write(frame);
    }

    static String read(String roomId, String upTo) {
        return Json.write(Map.of("type", "read", "roomId", roomId, "upTo", upTo));
    }

    static String delete(String roomId, String id) {
        return Json.write(Map.of("type", "delete", "roomId", roomId, "id", id));
    }

    static String syncSince(String cursor) {
        return Json.write(Map.of("type", "sync", "since", cursor));
    }

    static String syncAfter(String cursor) {
        return Json.write(Map.of("type", "sync", "after", cursor));
    }

    static String ping() {
        return "{\"type\":\"ping\"}";
    }
}
