package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerFrameReaderTest {

    private static final String ENTRY = "{\"id\":\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"roomId\":\"r1\",\"sender\":\"u1\","
            + "\"kind\":\"MESSAGE\",\"text\":\"안녕 {\\\"id\\\":\\\"fake\\\"}\",\"replyTo\":null,\"attachments\":[],"
            + "\"target\":null,\"deleted\":false,\"createdAt\":\"2026-11-25T23:00:00Z\"}";

    @Test
    void entryFrameShouldGiveOnlyTheIdWhenViewsAreNotWanted() throws IOException {
        ServerFrame frame = read("{\"type\":\"entry\",\"entry\":" + ENTRY + "}", false);

        assertThat(frame.type()).isEqualTo("entry");
        assertThat(frame.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
            assertThat(e.view()).isNull();
        });
    }

    @Test
    void entryFrameShouldBindTheWholeEntryWhenViewsAreWanted() throws IOException {
        ServerFrame frame = read("{\"entry\":" + ENTRY + ",\"type\":\"entry\"}", true);

        assertThat(frame.type()).isEqualTo("entry");
        assertThat(frame.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
            assertThat(e.view().text()).isEqualTo("안녕 {\"id\":\"fake\"}");
            assertThat(e.view().roomId()).isEqualTo("r1");
        });
    }

    @Test
    void syncedFrameShouldGiveEveryEntryAndTheCursor() throws IOException {
        ServerFrame frame = read("{\"type\":\"synced\",\"entries\":[" + ENTRY + "," + ENTRY.replace("4a5b", "4a5c")
                + "],\"cursor\":\"c9\",\"hasMore\":true}", false);

        assertThat(frame.entries()).extracting(PushedEntry::id)
                .containsExactly("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");
        assertThat(frame.cursor()).isEqualTo("c9");
        assertThat(frame.hasMore()).isTrue();
    }

    @Test
    void ackAndErrorFieldsShouldBeRead() throws IOException {
        ServerFrame ack = read("{\"type\":\"ack\",\"id\":\"m1\",\"roomId\":\"r1\",\"status\":\"duplicate\"}", false);
        ServerFrame error = read("{\"type\":\"error\",\"ref\":\"m2\",\"error\":\"busy\",\"message\":\"later\",\"extra\":{\"a\":[1]}}",
                false);

        assertThat(ack.id()).isEqualTo("m1");
        assertThat(ack.status()).isEqualTo("duplicate");
        assertThat(error.ref()).isEqualTo("m2");
        assertThat(error.error()).isEqualTo("busy");
        assertThat(error.message()).isEqualTo("later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"type\":\"entry\",\"entry\":{\"id\":\"x\"", "{\"type\":\"entry\",\"entry\":{\"text\":\"no id\"}}",
            "{\"type\":\"synced\",\"entries\":[1]}", "\"just a string\""})
    void unreadableFrameShouldBeRefused(String text) {
        assertThatThrownBy(() -> read(text, false)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(text, true)).isInstanceOf(IOException.class);
    }

    private static ServerFrame read(String text, boolean bind) throws IOException {
        byte[] padded = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        return ServerFrameReader.read(padded, 2, padded.length - 4, bind);
    }
}
