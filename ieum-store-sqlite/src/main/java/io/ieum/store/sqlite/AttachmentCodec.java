package io.ieum.store.sqlite;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.ieum.core.model.Attachment;

/**
 * Encodes a message's attachments in one TEXT column, without a JSON library:
 * {@code sha256,name,contentType,size;sha256,...}. Names and content types are URL-encoded
 * (UTF-8), so they never contain the separators {@code ,} and {@code ;}. No attachments is {@code null}.
 */
final class AttachmentCodec {

    private static final String FIELD = ",";
    private static final String ITEM = ";";

    private AttachmentCodec() {}

    static String encode(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Attachment attachment : attachments) {
            if (text.length() > 0) {
                text.append(ITEM);
            }
            text.append(attachment.sha256()).append(FIELD)
                    .append(escape(attachment.name())).append(FIELD)
                    .append(escape(attachment.contentType())).append(FIELD)
                    .append(attachment.size());
        }
        return text.toString();
    }

    static List<Attachment> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Attachment> attachments = new ArrayList<>();
        for (String item : text.split(ITEM, -1)) {
            String[] fields = item.split(FIELD, -1);
            if (fields.length != 4) {
                throw new IllegalStateException("attachments column: '" + item + "' (expected: sha256,name,contentType,size)");
            }
            attachments.add(new Attachment(fields[0], unescape(fields[1]), unescape(fields[2]), Long.parseLong(fields[3])));
        }
        return List.copyOf(attachments);
    }

    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
