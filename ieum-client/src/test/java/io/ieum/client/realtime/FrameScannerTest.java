package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameScannerTest {

    private static final String ID = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private static final String ENTRY = "{\"roomId\":\"r1\",\"sender\":\"u1\",\"kind\":\"MESSAGE\","
            + "\"text\":\"안녕 {\\\"id\\\":\\\"fake\\\"} \\\\\",\"replyTo\":{\"id\":\"nested\"},"
            + "\"attachments\":[{\"id\":\"a1\",\"size\":12.5e3},[],\"x\"],\"target\":null,\"deleted\":false,"
            + "\"id\":\"" + ID + "\",\"createdAt\":\"2026-11-25T23:00:00Z\"}";

    private final FrameScanner scanner = new FrameScanner();

    @Test
    void entryFrameShouldGiveTheEntrysOwnIdNotOneInsideTextOrNestedValues() {
        byte[] frame = utf8("{\"type\":\"entry\",\"entry\":" + ENTRY + "}");

        assertThat(scanner.scan(frame, 0, frame.length)).isEqualTo(FrameScanner.ENTRY);
        assertThat(text(frame, scanner.entryIdStart(), scanner.entryIdEnd())).isEqualTo(ID);
    }

    @Test
    void entryFrameShouldBeFoundInAnyFieldOrderWithSpacesAndAtAnOffset() {
        byte[] frame = utf8("xx{ \"entry\" : " + ENTRY + " ,\n \"type\" : \"entry\" }yy");

        assertThat(scanner.scan(frame, 2, frame.length - 4)).isEqualTo(FrameScanner.ENTRY);
        assertThat(text(frame, scanner.entryIdStart(), scanner.entryIdEnd())).isEqualTo(ID);
    }

    @Test
    void ackShouldGiveIdRoomAndStatus() {
        byte[] frame = utf8("{\"type\":\"ack\",\"id\":\"m1\",\"roomId\":\"r1\",\"status\":\"duplicate\"}");

        assertThat(scanner.scan(frame, 0, frame.length)).isEqualTo(FrameScanner.ACK);
        assertThat(text(frame, scanner.idStart(), scanner.idEnd())).isEqualTo("m1");
        assertThat(text(frame, scanner.roomIdStart(), scanner.roomIdEnd())).isEqualTo("r1");
        assertThat(text(frame, scanner.statusStart(), scanner.statusEnd())).isEqualTo("duplicate");
    }

    @Test
    void ackWithNullStatusShouldLeaveTheStatusAbsent() {
        byte[] frame = utf8("{\"status\":null,\"roomId\":\"r1\",\"id\":\"m1\",\"type\":\"ack\"}");

        assertThat(scanner.scan(frame, 0, frame.length)).isEqualTo(FrameScanner.ACK);
        assertThat(scanner.statusStart()).isEqualTo(-1);
        assertThat(text(frame, scanner.idStart(), scanner.idEnd())).isEqualTo("m1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ready\",\"serverTime\":\"2026-11-25T23:00:00Z\"}",
            "{\"type\":\"synced\",\"entries\":[{\"id\":\"x\"}],\"hasMore\":false}",
            "{\"type\":\"entry\"}",
            "{\"type\":\"entry\",\"entry\":{\"text\":\"no id\"}}",
            "{\"type\":\"entry\",\"entry\":{\"id\":7}}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"with \\\"escape\\\"\"}}",
            "{\"type\":\"ack\",\"roomId\":\"r1\"}",
            "{\"type\":\"ack\",\"id\":\"m1\",\"status\":5}",
            "{\"ty\\u0070e\":\"ack\",\"id\":\"m1\"}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\"}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\"}} trailing",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\",\"x\":tru}}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\",\"x\":[1,}}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\" \"x\":1}}",
            "{\"type\":\"entry\",\"entry\":{\"id\":\"" + ID + "\",\"x\":\"unterminated}}",
            "not json", "[1,2]", "", "{}"})
    void anythingElseShouldBeLeftToTheFullReader(String text) {
        byte[] frame = utf8(text);

        assertThat(scanner.scan(frame, 0, frame.length)).isEqualTo(FrameScanner.OTHER);
    }

    @Test
    void aSecondEntryObjectShouldReplaceTheFirstLikeTheFullReader() throws IOException {
        String text = "{\"type\":\"entry\",\"entry\":{\"id\":\"first\"},\"entry\":{\"text\":\"no id\"}}";
        byte[] frame = utf8(text);

        assertThat(scanner.scan(frame, 0, frame.length)).isEqualTo(FrameScanner.OTHER);
    }

    @Test
    void scannerShouldAgreeWithTheFullReaderOnEveryEntryItAccepts() throws IOException {
        String[] frames = {
                "{\"type\":\"entry\",\"entry\":" + ENTRY + "}",
                "{\"entry\":{\"id\":\"a\",\"text\":\"]}\\\"\"},\"type\":\"entry\",\"extra\":[{\"id\":\"b\"}]}",
                "{\"type\":\"entry\",\"entry\":{\"attachments\":[{\"id\":\"c\"}],\"id\":\"d\"}}"};
        for (String text : frames) {
            byte[] frame = utf8(text);
            assertThat(scanner.scan(frame, 0, frame.length)).as(text).isEqualTo(FrameScanner.ENTRY);
            ServerFrame full = ServerFrameReader.read(frame, 0, frame.length, false);
            assertThat(text(frame, scanner.entryIdStart(), scanner.entryIdEnd())).as(text)
                    .isEqualTo(full.entries().get(0).id());
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
}
