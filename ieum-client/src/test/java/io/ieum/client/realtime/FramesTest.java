package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ieum.client.Json;
import io.ieum.client.model.AttachmentView;

class FramesTest {

    @Test
    void sendFrameShouldCarryExactlyTheProtocolFields() {
        assertThat(Frames.send("i", "r", "hi", null, List.of()))
                .isEqualTo("{\"type\":\"send\",\"id\":\"i\",\"roomId\":\"r\",\"text\":\"hi\",\"replyTo\":null,\"attachments\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote \" backslash \\ slash /", "line\nbreak\r\ttab\b\f", "control \u0001\u001f\u007f",
            "안녕하세요 😀 </script>", "{\"type\":\"ack\"}", ""})
    void sendFrameShouldCarryAnyTextExactlyThroughAJsonParser(String text) throws IOException {
        JsonNode frame = Json.mapper().readTree(Frames.send("i\"d", "r", text, "re\\ply", List.of()));

        assertThat(frame.get("type").asText()).isEqualTo("send");
        assertThat(frame.get("id").asText()).isEqualTo("i\"d");
        assertThat(frame.get("text").asText()).isEqualTo(text);
        assertThat(frame.get("replyTo").asText()).isEqualTo("re\\ply");
        assertThat(frame.get("attachments").isArray()).isTrue();
        assertThat(frame.size()).isEqualTo(6);
    }

    @Test
    void sendFrameShouldCarryAttachmentsAsObjects() throws IOException {
        AttachmentView photo = new AttachmentView("ab12", "p.png", "image/png", 3);

        JsonNode frame = Json.mapper().readTree(Frames.send("i", "r", null, null, List.of(photo)));

        assertThat(frame.get("text").isNull()).isTrue();
        assertThat(frame.get("attachments")).hasSize(1);
        assertThat(frame.get("attachments").get(0).get("sha256").asText()).isEqualTo("ab12");
    }

    @Test
    void webSocketUriShouldFollowTheSiteScheme() {
        assertThat(Connection.webSocketUri(URI.create("http://127.0.0.1:8080")))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
        assertThat(Connection.webSocketUri(URI.create("https://ieum.example/")))
                .isEqualTo(URI.create("wss://ieum.example/ws"));
    }
}
