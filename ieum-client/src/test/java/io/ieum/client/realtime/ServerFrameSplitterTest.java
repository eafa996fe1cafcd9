package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerFrameSplitterTest {

    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final Recorder events = new Recorder();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 200_000})
    void textFrameOfEverySizeClassShouldArriveWhole(int size) {
        String text = payload(size, 'a');
        ServerFrameSplitter splitter = new ServerFrameSplitter(1 << 20, events);

        splitter.feed(frame(true, TEXT, bytes(text)), 0, frame(true, TEXT, bytes(text)).length);

        assertThat(events.list).containsExactly("text:" + text);
    }

    @Test
    void wholeFrameShouldBeHandedOverAsASliceOfTheReadNotACopy() {
        byte[] read = concat(frame(true, TEXT, bytes("first")), frame(true, TEXT, bytes("second")));
        List<byte[]> arrays = new ArrayList<>();
        ServerFrameSplitter splitter = new ServerFrameSplitter(1024, new Recorder() {
            @Override
            public void text(byte[] utf8, int offset, int length) {
                arrays.add(utf8);
                super.text(utf8, offset, length);
            }
        });

        splitter.feed(read, 0, read.length);

        assertThat(arrays).hasSize(2).allSatisfy(array -> assertThat(array).isSameAs(read));
    }

    @Test
    void offsetIntoTheReadShouldBeRespected() {
        byte[] frame = frame(true, TEXT, bytes("hello"));
        byte[] read = concat(new byte[] {9, 9, 9}, frame, new byte[] {7, 7});
        ServerFrameSplitter splitter = new ServerFrameSplitter(1024, events);

        splitter.feed(read, 3, frame.length);

        assertThat(events.list).containsExactly("text:hello");
    }

    /** Small and medium frames, a fragmented message with a ping inside, a binary and a pong: cut at every byte. */
    @Test
    void streamCutInTwoAtEveryByteShouldGiveTheSameFrames() {
        byte[] stream = mixedSmallStream();
        List<String> expected = splitWhole(stream);
        assertThat(expected).containsExactly("text:", "text:x", "text:" + payload(125, 'b'), "text:" + payload(126, 'c'),
                "ping:p1", "text:abcdef", "text:" + payload(300, 'd'), "closed:4401 token refused");

        for (int cut = 0; cut <= stream.length; cut++) {
            Recorder recorder = new Recorder();
            ServerFrameSplitter splitter = new ServerFrameSplitter(1 << 20, recorder);
            splitter.feed(stream, 0, cut);
            splitter.feed(stream, cut, stream.length - cut);
            assertThat(recorder.list).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void streamCutInThreeAtEveryPairOfBytesShouldGiveTheSameFrames() {
        byte[] stream = concat(frame(true, TEXT, bytes(payload(130, 'q'))), frame(false, TEXT, bytes("ab")),
                frame(true, PING, bytes("p")), frame(true, CONTINUATION, bytes("cd")), frame(true, TEXT, bytes("z")));
        List<String> expected = splitWhole(stream);

        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                Recorder recorder = new Recorder();
                ServerFrameSplitter splitter = new ServerFrameSplitter(1 << 20, recorder);
                splitter.feed(stream, 0, first);
                splitter.feed(stream, first, second - first);
                splitter.feed(stream, second, stream.length - second);
                assertThat(recorder.list).as("cuts at %d and %d", first, second).isEqualTo(expected);
            }
        }
    }

    /** Sizes at each length-encoding edge (0/125/126/65535/65536), fed one byte at a time and in random pieces. */
    @Test
    void largeFramesAtEveryLengthEdgeShouldSurviveAnyChunking() {
        List<String> texts = List.of("", payload(125, 'a'), payload(126, 'b'), payload(65535, 'c'), payload(65536, 'd'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (String text : texts) {
            out.writeBytes(frame(true, TEXT, bytes(text)));
            expected.add("text:" + text);
        }
        byte[] stream = out.toByteArray();

        Recorder oneByte = new Recorder();
        ServerFrameSplitter byteByByte = new ServerFrameSplitter(1 << 20, oneByte);
        for (int i = 0; i < stream.length; i++) {
            byteByByte.feed(stream, i, 1);
        }
        assertThat(oneByte.list).isEqualTo(expected);

        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            Recorder recorder = new Recorder();
            ServerFrameSplitter splitter = new ServerFrameSplitter(1 << 20, recorder);
            int pos = 0;
            while (pos < stream.length) {
                int chunk = Math.min(stream.length - pos, 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000));
                // A fresh array per read, as a reused read buffer would hold other bytes afterwards.
                splitter.feed(Arrays.copyOfRange(stream, pos, pos + chunk), 0, chunk);
                pos += chunk;
            }
            assertThat(recorder.list).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void cutFrameShouldNotSeeTheReadBufferReusedAfterwards() {
        byte[] stream = concat(frame(true, TEXT, bytes("hello")), frame(true, TEXT, bytes("world")));
        byte[] reused = new byte[stream.length];
        ServerFrameSplitter splitter = new ServerFrameSplitter(1024, events);

        System.arraycopy(stream, 0, reused, 0, 9);
        splitter.feed(reused, 0, 9);
        Arrays.fill(reused, (byte) '#');
        System.arraycopy(stream, 9, reused, 0, stream.length - 9);
        splitter.feed(reused, 0, stream.length - 9);

        assertThat(events.list).containsExactly("text:hello", "text:world");
    }

    @Test
    void pingInsideAFragmentedMessageShouldComeFirstAndTheMessageWhole() {
        feedAll(frame(false, TEXT, bytes("ab")), frame(true, PING, bytes("are you there")),
                frame(false, CONTINUATION, bytes("cd")), frame(true, PONG, bytes("")),
                frame(true, CONTINUATION, bytes("ef")));

        assertThat(events.list).containsExactly("ping:are you there", "text:abcdef");
    }

    @Test
    void binaryMessagesAndPongsShouldBeSkipped() {
        feedAll(frame(true, BINARY, new byte[] {1, 2, 3}), frame(false, BINARY, new byte[] {4}),
                frame(true, CONTINUATION, new byte[] {5}), frame(true, PONG, bytes("x")), frame(true, TEXT, bytes("after")));

        assertThat(events.list).containsExactly("text:after");
    }

    @Test
    void closeFrameShouldReportCodeAndReasonAndEndTheStream() {
        ServerFrameSplitter splitter = feedAll(close(4408, "auth timeout"), frame(true, TEXT, bytes("too late")));

        assertThat(events.list).containsExactly("closed:4408 auth timeout");
        assertThat(splitter.done()).isTrue();
    }

    @Test
    void emptyCloseFrameShouldReportNoStatus() {
        feedAll(frame(true, CLOSE, new byte[0]));

        assertThat(events.list).containsExactly("closed:1005 ");
    }

    @Test
    void oneByteClosePayloadShouldBeAProtocolError() {
        feedAll(frame(true, CLOSE, new byte[] {3}));

        assertThat(events.list).containsExactly("failed:1002 close frame with a one-byte payload");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 2999, 5000})
    void closeCodeThatMayNotBeSentShouldBeAProtocolError(int code) {
        feedAll(close(code, ""));

        assertThat(events.list).containsExactly("failed:1002 close code " + code + " may not be sent");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x10, 0x20, 0x40, 0x70})
    void reservedBitsShouldBeAProtocolError(int rsv) {
        byte[] frame = frame(true, TEXT, bytes("x"));
        frame[0] |= (byte) rsv;

        ServerFrameSplitter splitter = feedAll(frame, frame(true, TEXT, bytes("never")));

        assertThat(events.list).containsExactly("failed:1002 reserved bits set without an extension");
        assertThat(splitter.done()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7})
    void unknownDataOpcodeShouldBeAProtocolError(int opcode) {
        feedAll(frame(true, opcode, bytes("x")));

        assertThat(events.list).containsExactly("failed:1002 unknown data opcode " + opcode);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xB, 0xC, 0xF})
    void unknownControlOpcodeShouldBeAProtocolError(int opcode) {
        feedAll(frame(true, opcode, bytes("x")));

        assertThat(events.list).containsExactly("failed:1002 unknown control opcode " + opcode);
    }

    @Test
    void violationShouldBeFoundFromTheFirstTwoBytesAlone() {
        byte[] frame = frame(true, TEXT, bytes("x"));
        frame[0] |= 0x40;
        ServerFrameSplitter splitter = new ServerFrameSplitter(1024, events);

        splitter.feed(frame, 0, 1);
        assertThat(events.list).isEmpty();
        splitter.feed(frame, 1, 1);

        assertThat(events.list).containsExactly("failed:1002 reserved bits set without an extension");
    }

    @Test
    void maskedFrameShouldBeAProtocolError() {
        byte[] frame = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x' ^ 1};

        feedAll(frame);

        assertThat(events.list).containsExactly("failed:1002 masked frame from the server");
    }

    @Test
    void fragmentedControlFrameShouldBeAProtocolError() {
        feedAll(frame(false, PING, bytes("x")));

        assertThat(events.list).containsExactly("failed:1002 fragmented or long control frame");
    }

    @Test
    void controlFrameOver125BytesShouldBeAProtocolError() {
        feedAll(frame(true, PING, bytes(payload(126, 'p'))));

        assertThat(events.list).containsExactly("failed:1002 fragmented or long control frame");
    }

    @Test
    void continuationWithNoMessageShouldBeAProtocolError() {
        feedAll(frame(true, CONTINUATION, bytes("x")));

        assertThat(events.list).containsExactly("failed:1002 continuation frame with no message to continue");
    }

    @Test
    void newMessageInsideAFragmentedOneShouldBeAProtocolError() {
        feedAll(frame(false, TEXT, bytes("a")), frame(true, TEXT, bytes("b")));

        assertThat(events.list).containsExactly("failed:1002 new message before the fragmented one ended");
    }

    @Test
    void lengthsNotMinimallyEncodedShouldBeAProtocolError() {
        byte[] sixteen = {(byte) 0x81, 126, 0, 5, 'h', 'e', 'l', 'l', 'o'};
        feedAll(sixteen);
        assertThat(events.list).containsExactly("failed:1002 16-bit length 5 where 7 bits would do");

        Recorder other = new Recorder();
        byte[] sixtyFour = concat(new byte[] {(byte) 0x81, 127, 0, 0, 0, 0, 0, 0, 0, (byte) 200}, bytes(payload(200, 'x')));
        new ServerFrameSplitter(1024, other).feed(sixtyFour, 0, sixtyFour.length);
        assertThat(other.list).containsExactly("failed:1002 64-bit length 200 where 16 bits would do");
    }

    @Test
    void lengthWithTheTopBitSetShouldBeAProtocolError() {
        byte[] header = {(byte) 0x81, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1};

        feedAll(header);

        assertThat(events.list).containsExactly("failed:1002 64-bit length with the top bit set");
    }

    @Test
    void oversizedFrameShouldFailWithTooBigFromItsHeaderBeforeThePayloadArrives() {
        byte[] frame = frame(true, TEXT, bytes(payload(1001, 'x')));
        ServerFrameSplitter splitter = new ServerFrameSplitter(1000, events);

        splitter.feed(frame, 0, 4);

        assertThat(events.list).containsExactly("failed:1009 frame of 1001 bytes (limit 1000)");
        splitter.feed(frame, 4, frame.length - 4);
        assertThat(events.list).hasSize(1);
    }

    @Test
    void frameOfExactlyTheLimitShouldArrive() {
        String text = payload(1000, 'x');
        ServerFrameSplitter splitter = new ServerFrameSplitter(1000, events);
        byte[] frame = frame(true, TEXT, bytes(text));

        splitter.feed(frame, 0, frame.length);

        assertThat(events.list).containsExactly("text:" + text);
    }

    @Test
    void fragmentedMessageOverTheLimitShouldFailWithTooBig() {
        ServerFrameSplitter splitter = new ServerFrameSplitter(1000, events);
        byte[] stream = concat(frame(false, TEXT, bytes(payload(600, 'a'))), frame(true, CONTINUATION, bytes(payload(401, 'b'))));

        splitter.feed(stream, 0, stream.length);

        assertThat(events.list).containsExactly("failed:1009 message over 1000 bytes");
    }

    @Test
    void secondFragmentedMessageShouldNotCarryBytesOfTheFirst() {
        feedAll(frame(false, TEXT, bytes("long first ")), frame(true, CONTINUATION, bytes("message")),
                frame(false, TEXT, bytes("s")), frame(true, CONTINUATION, bytes("econd")));

        assertThat(events.list).containsExactly("text:long first message", "text:second");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private ServerFrameSplitter feedAll(byte[]... frames) {
        ServerFrameSplitter splitter = new ServerFrameSplitter(1 << 20, events);
        byte[] stream = concat(frames);
        splitter.feed(stream, 0, stream.length);
        return splitter;
    }

    private static List<String> splitWhole(byte[] stream) {
        Recorder recorder = new Recorder();
        new ServerFrameSplitter(1 << 20, recorder).feed(stream, 0, stream.length);
        return recorder.list;
    }

    private static byte[] mixedSmallStream() {
        return concat(frame(true, TEXT, new byte[0]), frame(true, TEXT, bytes("x")),
                frame(true, TEXT, bytes(payload(125, 'b'))), frame(true, TEXT, bytes(payload(126, 'c'))),
                frame(true, BINARY, new byte[] {1, 2}),
                frame(false, TEXT, bytes("ab")), frame(true, PING, bytes("p1")), frame(false, CONTINUATION, bytes("cd")),
                frame(true, PONG, bytes("ignored")),
                frame(true, CONTINUATION, bytes("ef")), frame(true, TEXT, bytes(payload(300, 'd'))),
                close(4401, "token refused"), frame(true, TEXT, bytes("after close")));
    }

    /** An unmasked frame as a server writes it, with the shortest length encoding. */
    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int length = payload.length;
        if (length <= 125) {
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(126);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] close(int code, String reason) {
        return frame(true, CLOSE, concat(new byte[] {(byte) (code >>> 8), (byte) code}, bytes(reason)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String payload(int size, char c) {
        return String.valueOf(c).repeat(size);
    }

    private static class Recorder implements ServerFrameSplitter.Sink {
        final List<String> list = new ArrayList<>();

        @Override
        public void text(byte[] utf8, int offset, int length) {
            list.add("text:" + new String(utf8, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void ping(byte[] payload, int offset, int length) {
            list.add("ping:" + new String(payload, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void closed(int code, String reason) {
            list.add("closed:" + code + " " + reason);
        }

        @Override
        public void failed(int code, String message) {
            list.add("failed:" + code + " " + message);
        }
    }
}
