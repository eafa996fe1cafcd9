package io.ieum.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Attachment;
import io.ieum.core.model.Entry;
import io.ieum.core.model.EntryKind;
import io.ieum.core.service.LiveEvent;

/** Encodes and decodes the node-to-node frames described in {@code package-info.java}. */
final class ClusterWire {

    static final String HEARTBEAT = "{\"t\":\"hb\"}";

    /** One event as it crossed the wire. */
    record Received(String origin, long seq, List<UserId> recipients, LiveEvent event) {}

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The part of an event frame after the origin and sequence number: {@code "r":[..],"e":{..}}}.
     * Encoded once per event, whatever the number of peers.
     */
    String body(Collection<UserId> recipients, LiveEvent event) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode r = root.putArray("r");
        for (UserId user : recipients) {
            r.add(user.toString());
        }
        ObjectNode e = root.putObject("e");
        if (event instanceof LiveEvent.EntryAdded added) {
            Entry entry = added.entry();
            e.put("k", "entry").put("room", entry.roomId().toString()).put("id", entry.id().toString())
                    .put("sender", entry.sender().toString()).put("kind", entry.kind().name()).put("text", entry.text())
                    .put("replyTo", entry.replyTo() == null ? null : entry.replyTo().toString());
            ArrayNode att = e.putArray("att");
            for (Attachment a : entry.attachments()) {
                att.addObject().put("sha256", a.sha256()).put("name", a.name()).put("contentType", a.contentType())
                        .put("size", a.size());
            }
            e.put("target", entry.target()).put("deleted", entry.deleted());
        } else if (event instanceof LiveEvent.ReadMoved read) {
            e.put("k", "read").put("room", read.roomId().toString()).put("user", read.userId().toString())
                    .put("upTo", read.upTo().toString());
        } else {
            e.put("k", "members").put("room", event.roomId().toString());
        }
        String json = write(root);
        return json.substring(1); // without '{': the header is prepended per frame
    }

    static String frame(String origin, long seq, String body) {
        StringBuilder sb = new StringBuilder(body.length() + origin.length() + 40);
        sb.append("{\"t\":\"ev\",\"o\":\"").append(origin).append("\",\"s\":").append(seq).append(',').append(body);
        return sb.toString();
    }

    /** The frame's type: {@code hb} or {@code ev}. */
    JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("frame: not valid JSON", e);
        }
    }

    Received event(JsonNode root) {
        List<UserId> recipients = new ArrayList<>();
        for (JsonNode r : root.path("r")) {
            recipients.add(UserId.of(r.asText()));
        }
        JsonNode e = root.path("e");
        RoomId room = RoomId.of(e.path("room").asText());
        LiveEvent event = switch (e.path("k").asText()) {
            case "entry" -> {
                List<Attachment> attachments = new ArrayList<>();
                for (JsonNode a : e.path("att")) {
                    attachments.add(new Attachment(a.path("sha256").asText(), a.path("name").asText(),
                            a.path("contentType").asText(), a.path("size").asLong()));
                }
                yield new LiveEvent.EntryAdded(new Entry(room, MessageId.of(e.path("id").asText()),
                        UserId.of(e.path("sender").asText()), EntryKind.valueOf(e.path("kind").asText()),
                        e.path("text").asText(), optionalMessageId(e.path("replyTo")), attachments,
                        e.path("target").isNull() || e.path("target").isMissingNode() ? null : e.path("target").asText(),
                        e.path("deleted").asBoolean()));
            }
            case "read" -> new LiveEvent.ReadMoved(room, UserId.of(e.path("user").asText()), MessageId.of(e.path("upTo").asText()));
            case "members" -> new LiveEvent.MembersChanged(room);
            default -> throw new IllegalArgumentException("e.k: '" + e.path("k").asText() + "' (expected: entry, read or members)");
        };
        return new Received(root.path("o").asText(), root.path("s").asLong(), recipients, event);
    }

    private static MessageId optionalMessageId(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : MessageId.of(node.asText());
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
