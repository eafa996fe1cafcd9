package io.ieum.server.realtime;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import io.ieum.server.json.Views.AttachmentView;
import io.ieum.server.json.Views.EntryView;

/**
 * Writes the two frames every message costs, the {@code entry} pushed to its members and the
 * sender's {@code ack}, field by field with Jackson's streaming generator. Data binding spent most
 * of the storage completer's time on them (bean introspection per call, reflective accessors);
 * the bytes are the same as the records' binding gives (ServerFramesTest compares them), so the
 * two must change together.
 */
final class StreamedFrames {

    private StreamedFrames() {}

    /** Whether {@link #write} handles this frame; other frames go through data binding. */
    static boolean handles(ServerFrames.Frame frame) {
        return frame instanceof ServerFrames.EntryPush || frame instanceof ServerFrames.Ack;
    }

    static void write(JsonGenerator out, ServerFrames.Frame frame) throws IOException {
        if (frame instanceof ServerFrames.EntryPush push) {
            writePush(out, push);
        } else if (frame instanceof ServerFrames.Ack ack) {
            writeAck(out, ack);
        } else {
            throw new IllegalArgumentException("frame: " + frame.getClass().getSimpleName() + " (expected: entry or ack)");
        }
    }

    private static void writePush(JsonGenerator out, ServerFrames.EntryPush push) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", push.type());
        out.writeFieldName("entry");
        writeEntry(out, push.entry());
        out.writeEndObject();
    }

    private static void writeAck(JsonGenerator out, ServerFrames.Ack ack) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", ack.type());
        if (ack.ref() != null) {
            out.writeStringField("ref", ack.ref());
        }
        out.writeStringField("id", ack.id());
        out.writeStringField("roomId", ack.roomId());
        out.writeStringField("status", ack.status());
        out.writeEndObject();
    }

    private static void writeEntry(JsonGenerator out, EntryView entry) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", entry.id());
        out.writeStringField("roomId", entry.roomId());
        out.writeStringField("sender", entry.sender());
        out.writeStringField("kind", entry.kind());
        out.writeStringField("text", entry.text());
        out.writeStringField("replyTo", entry.replyTo());
        out.writeFieldName("attachments");
        writeAttachments(out, entry.attachments());
        out.writeStringField("target", entry.target());
        out.writeBooleanField("deleted", entry.deleted());
        // ISO-8601 as Instant.toString, which is what the JavaTimeModule writes for an Instant.
        out.writeStringField("createdAt", entry.createdAt() == null ? null : entry.createdAt().toString());
        if (entry.unreadBy() != null) {
            out.writeNumberField("unreadBy", entry.unreadBy());
        }
        out.writeEndObject();
    }

    private static void writeAttachments(JsonGenerator out, List<AttachmentView> attachments) throws IOException {
        if (attachments == null) {
            out.writeNull();
            return;
        }
        out.writeStartArray();
        for (AttachmentView attachment : attachments) {
            out.writeStartObject();
            out.writeStringField("sha256", attachment.sha256());
            out.writeStringField("name", attachment.name());
            out.writeStringField("contentType", attachment.contentType());
            out.writeNumberField("size", attachment.size());
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
