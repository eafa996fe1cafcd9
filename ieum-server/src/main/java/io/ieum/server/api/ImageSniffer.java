package io.ieum.server.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Recognises the common image formats from their first bytes, for avatars and uploads whose type
 * is not recorded. Only these few types are ever inferred; everything else stays octet-stream.
 */
final class ImageSniffer {

    record Sniffed(InputStream stream, @Nullable MediaType type) {}

    private ImageSniffer() {}

    static Sniffed sniff(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(16);
        byte[] head = in.readNBytes(12);
        in.reset();
        return new Sniffed(in, typeOf(head));
    }

    @Nullable
    private static MediaType typeOf(byte[] h) {
        if (h.length >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return MediaType.PNG;
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return MediaType.JPEG;
        }
        if (h.length >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return MediaType.GIF;
        }
        if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F'
                && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return MediaType.WEBP;
        }
        return null;
    }
}
