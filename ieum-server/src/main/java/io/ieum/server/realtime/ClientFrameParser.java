package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.model.Attachment;
import io.ieum.core.service.MessageService;
import io.ieum.server.json.Json;
import io.ieum.server.json.Views.AttachmentView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;

/**
 * Turns the text of one client frame into a typed {@link ClientFrame}, with no I/O. Structural
 * problems (not JSON, not an object, missing or unknown {@code type}, a field of the wrong JSON
 * type) are {@link ProtocolViolation}s; bad values in a well-formed frame (a missing field, an ID
 * that is not a UUID) are {@link RejectedFrame}s answered with an {@code error} frame. Unknown
 * fields are ignored, so clients may add fields before servers know them.
 */
final class ClientFrameParser {

    static final int MAX_REF_LENGTH = 64;
    static final int DEFAULT_SYNC_LIMIT = MessageService.MAX_PAGE;

    private final Json json;

    ClientFrameParser(Json json) {
        this.json = requireNonNull(json, "json");
    }

    ParseResult parse(String text) {
        requireNonNull(text, "text");
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (IeumException notJson) {
            return ProtocolViolation.of(notJson.detail());
        }
        return parseTree(root);
    }

    /** Parses the UTF-8 payload of a text frame where it lies, without copying it into a string first. */
    ParseResult parse(ByteBuf utf8) {
        requireNonNull(utf8, "utf8");
        JsonNode root;
        try {
            root = json.readTree(new ByteBufInputStream(utf8.duplicate()));
        } catch (IeumException notJson) {
            return ProtocolViolation.of(notJson.detail());
        }
        return parseTree(root);
    }

    private ParseResult parseTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            return ProtocolViolation.of("frame: " + describe(root) + " (expected: a JSON object)");
        }
        try {
            return parseObject(root);
        } catch (Violation v) {
            return v.violation;
        }
    }

    private ParseResult parseObject(JsonNode root) {
        JsonNode typeNode = root.get("type");
        if (typeNode == null || typeNode.isNull()) {
            throw violation("type: missing (expected: auth, send, read, delete, sync or ping)");
        }
        String type = typeNode.isTextual() ? typeNode.textValue() : null;
        if (type == null) {
            throw violation("type: " + describe(typeNode) + " (expected: a string)");
        }
        String ref = ref(root);
        try {
            return switch (type) {
                case "auth" -> new ClientFrame.Auth(ref, string(root, "token"));
                case "send" -> send(root, ref);
                case "read" -> new ClientFrame.Read(ref, roomId(root), messageId(root, "upTo", true));
                case "delete" -> new ClientFrame.Delete(ref, roomId(root), messageId(root, "id", true));
                case "sync" -> sync(root, ref);
                case "ping" -> new ClientFrame.Ping(ref);
                default -> throw violation("type: '" + abbreviate(type) + "' unknown (expected: auth, send, read, delete, sync or ping)");
            };
        } catch (IeumException badValue) {
            if (badValue.code() == ErrorCode.MALFORMED_JSON) {
                throw violation(badValue.detail());
            }
            String errorRef = ref;
            if (errorRef == null && "send".equals(type)) {
                errorRef = shortText(root.get("id"));
            }
            return new RejectedFrame(errorRef, badValue);
        }
    }

    private ClientFrame.Send send(JsonNode root, String ref) {
        MessageId id = messageId(root, "id", true);
        RoomId roomId = roomId(root);
        String text = string(root, "text");
        MessageId replyTo = messageId(root, "replyTo", false);
        return new ClientFrame.Send(ref, id, roomId, text == null ? "" : text, replyTo, attachments(root));
    }

    private ClientFrame.Sync sync(JsonNode root, String ref) {
        MessageId since = messageId(root, "since", false);
        MessageId after = messageId(root, "after", false);
        if (since != null && after != null) {
            throw IeumException.invalid("since, after: both given (expected: 'since' after a reconnect, or 'after' to continue)");
        }
        int limit = DEFAULT_SYNC_LIMIT;
        JsonNode limitNode = root.get("limit");
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.isInt()) {
                throw violation("field 'limit': " + describe(limitNode) + " (expected: a number)");
            }
            limit = limitNode.intValue();
        }
        return new ClientFrame.Sync(ref, after != null ? after : since, after != null, limit);
    }

    private List<Attachment> attachments(JsonNode root) {
        JsonNode node = root.get("attachments");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw violation("field 'attachments': " + describe(node) + " (expected: an array)");
        }
        if (node.size() > MessageService.MAX_ATTACHMENTS) {
            throw IeumException.invalid("attachments: " + node.size() + " (expected: at most " + MessageService.MAX_ATTACHMENTS + ")");
        }
        List<Attachment> result = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw violation("field 'attachments': an element is " + describe(item) + " (expected: an object)");
            }
            result.add(json.convert(item, AttachmentView.class).toDomain());
        }
        return result;
    }

    private static String ref(JsonNode root) {
        String ref = string(root, "ref");
        if (ref != null && ref.length() > MAX_REF_LENGTH) {
            throw violation("ref: " + ref.length() + " characters (expected: at most " + MAX_REF_LENGTH + ")");
        }
        return ref;
    }

    private static RoomId roomId(JsonNode root) {
        return RoomId.parse("roomId", required(string(root, "roomId"), "roomId", "a room ID"));
    }

    private static MessageId messageId(JsonNode root, String field, boolean required) {
        String text = string(root, field);
        if (text == null) {
            if (required) {
                throw missing(field, "an entry ID (UUIDv7)");
            }
            return null;
        }
        return MessageId.parse(field, text);
    }

    /** The string value of a field, null if absent or JSON null; any other JSON type is a violation. */
    private static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw violation("field '" + field + "': " + describe(node) + " (expected: a string)");
        }
        return node.textValue();
    }

    private static String required(String value, String field, String expected) {
        if (value == null) {
            throw missing(field, expected);
        }
        return value;
    }

    private static IeumException missing(String field, String expected) {
        return IeumException.invalid(field + ": missing (expected: " + expected + ")");
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "empty";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shortText(JsonNode node) {
        return node != null && node.isTextual() && node.textValue().length() <= MAX_REF_LENGTH ? node.textValue() : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private static Violation violation(String reason) {
        return new Violation(ProtocolViolation.of(reason));
    }

    /** Unwinds the parse at the first violation; never escapes this class. */
    private static final class Violation extends RuntimeException {
        private final ProtocolViolation violation;

        Violation(ProtocolViolation violation) {
            super(violation.reason(), null, false, false);
            this.violation = violation;
        }
    }
}
