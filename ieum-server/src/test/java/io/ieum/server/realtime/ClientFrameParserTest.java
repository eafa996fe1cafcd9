package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.server.json.Json;

class ClientFrameParserTest {

    private static final String ROOM = RoomId.random().toString();
    private static final String ID = MessageId.generate().toString();

    private final ClientFrameParser parser = new ClientFrameParser(new Json());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                          | 4400 | not valid JSON",
            "''                                       | 4400 | frame: empty",
            "[1,2]                                    | 4400 | frame: an array (expected: a JSON object)",
            "\"auth\"                                 | 4400 | frame: a string",
            "{}                                       | 4400 | type: missing",
            "{\"type\":null}                          | 4400 | type: missing",
            "{\"type\":7}                             | 4400 | type: a number (expected: a string)",
            "{\"type\":\"shout\"}                     | 4400 | type: 'shout' unknown",
            "{\"type\":\"auth\",\"token\":42}         | 4400 | field 'token': a number (expected: a string)",
            "{\"type\":\"ping\",\"ref\":{}}           | 4400 | field 'ref': an object (expected: a string)",
            "{\"type\":\"sync\",\"limit\":\"ten\"}    | 4400 | field 'limit': a string (expected: a number)",
            "{\"type\":\"send\",\"id\":1}             | 4400 | field 'id': a number (expected: a string)",
            "{\"type\":\"send\",\"id\":\"0193a7f0-0000-7000-8000-000000000001\",\"roomId\":\"0193a7f0-0000-7000-8000-000000000002\",\"attachments\":{}} | 4400 | field 'attachments': an object (expected: an array)",
            "{\"type\":\"read\",\"roomId\":[]}        | 4400 | field 'roomId': an array (expected: a string)",
    })
    void malformedFramesShouldBeProtocolViolations(String text, int code, String reasonPart) {
        ParseResult result = parser.parse(text);

        assertThat(result).isInstanceOf(ProtocolViolation.class);
        ProtocolViolation violation = (ProtocolViolation) result;
        assertThat(violation.closeCode()).isEqualTo(code);
        assertThat(violation.reason()).contains(reasonPart);
    }

    @Test
    void aTooLongRefShouldBeAViolation() {
        ParseResult result = parser.parse("{\"type\":\"ping\",\"ref\":\"" + "r".repeat(65) + "\"}");

        assertThat(result).isEqualTo(ProtocolViolation.of("ref: 65 characters (expected: at most 64)"));
    }

    @Test
    void sendShouldParseEveryField() {
        String reply = MessageId.generate().toString();
        String sha = "a".repeat(64);
        ParseResult result = parser.parse("{\"type\":\"send\",\"ref\":\"r1\",\"id\":\"" + ID + "\",\"roomId\":\"" + ROOM
                + "\",\"text\":\"hi\",\"replyTo\":\"" + reply + "\",\"attachments\":[{\"sha256\":\"" + sha
                + "\",\"name\":\"cake.jpg\",\"contentType\":\"image/jpeg\",\"size\":12}]}");

        assertThat(result).isInstanceOf(ClientFrame.Send.class);
        ClientFrame.Send send = (ClientFrame.Send) result;
        assertThat(send.ref()).isEqualTo("r1");
        assertThat(send.id()).isEqualTo(MessageId.of(ID));
        assertThat(send.roomId()).isEqualTo(RoomId.of(ROOM));
        assertThat(send.text()).isEqualTo("hi");
        assertThat(send.replyTo()).isEqualTo(MessageId.of(reply));
        assertThat(send.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("cake.jpg"));
    }

    @Test
    void sendWithoutRoomShouldBeRejectedWithTheMessageIdAsRef() {
        ParseResult result = parser.parse("{\"type\":\"send\",\"id\":\"" + ID + "\",\"text\":\"hi\"}");

        assertThat(result).isInstanceOf(RejectedFrame.class);
        RejectedFrame rejected = (RejectedFrame) result;
        assertThat(rejected.ref()).isEqualTo(ID);
        assertThat(rejected.error().code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejected.error().detail()).isEqualTo("roomId: missing (expected: a room ID)");
    }

    @Test
    void anIdThatIsNotAUuidShouldBeRejectedNotAViolation() {
        ParseResult result = parser.parse("{\"type\":\"read\",\"ref\":\"x\",\"roomId\":\"" + ROOM + "\",\"upTo\":\"nope\"}");

        assertThat(result).isInstanceOf(RejectedFrame.class);
        assertThat(((RejectedFrame) result).ref()).isEqualTo("x");
        assertThat(((RejectedFrame) result).error().detail()).startsWith("upTo");
    }

    @Test
    void syncShouldDefaultToEverythingWithTheFullPage() {
        assertThat(parser.parse("{\"type\":\"sync\"}")).isEqualTo(new ClientFrame.Sync(null, null, false, 200));
    }

    @Test
    void syncShouldTellSinceFromAfter() {
        assertThat(parser.parse("{\"type\":\"sync\",\"since\":\"" + ID + "\",\"limit\":50}"))
                .isEqualTo(new ClientFrame.Sync(null, MessageId.of(ID), false, 50));
        assertThat(parser.parse("{\"type\":\"sync\",\"after\":\"" + ID + "\"}"))
                .isEqualTo(new ClientFrame.Sync(null, MessageId.of(ID), true, 200));
    }

    @Test
    void syncWithBothCursorsShouldBeRejected() {
        ParseResult result = parser.parse("{\"type\":\"sync\",\"since\":\"" + ID + "\",\"after\":\"" + ID + "\"}");

        assertThat(result).isInstanceOf(RejectedFrame.class);
        assertThat(((RejectedFrame) result).error().detail()).startsWith("since, after: both given");
    }

    @Test
    void authWithoutTokenShouldParseSoThatAuthenticationFails() {
        assertThat(parser.parse("{\"type\":\"auth\"}")).isEqualTo(new ClientFrame.Auth(null, null));
    }

    @Test
    void unknownFieldsShouldBeIgnored() {
        assertThat(parser.parse("{\"type\":\"ping\",\"ref\":\"p\",\"future\":true}")).isEqualTo(new ClientFrame.Ping("p"));
    }

    @Test
    void authShouldNotPrintItsToken() {
        assertThat(new ClientFrame.Auth("r", "secret-token").toString()).doesNotContain("secret-token");
    }
}
