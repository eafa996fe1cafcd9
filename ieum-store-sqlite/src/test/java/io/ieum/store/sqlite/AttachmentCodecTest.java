package io.ieum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ieum.core.model.Attachment;

class AttachmentCodecTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void noAttachmentsShouldEncodeAsNullAndDecodeFromNullOrEmpty() {
        assertThat(AttachmentCodec.encode(List.of())).isNull();
        assertThat(AttachmentCodec.decode(null)).isEmpty();
        assertThat(AttachmentCodec.decode("")).isEmpty();
    }

    @Test
    void separatorsAndEscapesInNamesShouldRoundTrip() {
        List<Attachment> attachments = List.of(
                new Attachment(SHA, "a,b;c%2C+d e", "text/plain; charset=utf-8", 1),
                new Attachment(SHA, "사진 🎉\n.jpg", "image/jpeg", 0));

        String encoded = AttachmentCodec.encode(attachments);

        assertThat(encoded).doesNotContain("\n");
        assertThat(encoded.split(";")).hasSize(2);
        assertThat(AttachmentCodec.decode(encoded)).isEqualTo(attachments);
    }

    @Test
    void aMalformedColumnShouldBeReportedWithItsText() {
        assertThatThrownBy(() -> AttachmentCodec.decode(SHA + ",name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(expected: sha256,name,contentType,size)");
    }
}
