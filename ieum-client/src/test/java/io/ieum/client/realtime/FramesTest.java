package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void sendFrameShouldCarryExactlyTheProtocolFields() {
        assertThat(Frames.send("i", "r", "hi", null, List.of()))
                .isEqualTo("{\"type\":\"send\",\"id\":\"i\",\"roomId\":\"r\",\"text\":\"hi\",\"replyTo\":null,\"attachments\":[]}");
    }

    @Test
    void webSocketUriShouldFollowTheSiteScheme() {
        assertThat(Connection.webSocketUri(URI.create("http://127.0.0.1:8080")))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
        assertThat(Connection.webSocketUri(URI.create("https://ieum.example/")))
                .isEqualTo(URI.create("wss://ieum.example/ws"));
    }
}
