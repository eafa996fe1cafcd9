package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ieum.server.json.Json;
import io.ieum.server.json.Views.AttachmentView;
import io.ieum.server.json.Views.EntryView;
import io.netty.buffer.ByteBuf;

/** The streamed frames (entry push, ack) must be byte for byte what data binding writes for them. */
class ServerFramesTest {

    private static final String AWKWARD = "\"quoted\" back\\slash\nnew line\ttab \u0000\u001f control "
            + "한국어 이음 😀 emoji \u2028 separator </script>";

    private final ServerFrames frames = new ServerFrames(new Json());

    @Test
    void anEntryPushShouldBeStreamedAsDataBindingWritesIt() {
        List<EntryView> entries = List.of(
                entry("hi", null, List.of(), null, false, Instant.parse("2026-11-27T07:40:00.123Z")),
                entry(AWKWARD, uuid(), List.of(attachment(AWKWARD, 7)), "target", true,
                        Instant.parse("2026-11-27T07:40:00Z")),
                entry("", null, List.of(attachment("a.png", 0), attachment("b.pdf", Long.MAX_VALUE)), null, false,
                        Instant.parse("1970-01-01T00:00:00.001Z")),
                entry("x".repeat(10_000), uuid(), List.of(), null, false, Instant.parse("2026-11-27T07:40:00.100Z")));
        for (EntryView entry : entries) {
            assertStreamedAsBound(new ServerFrames.EntryPush(entry));
        }
    }

    @Test
    void entriesWithUnreadCountsOrNullsShouldBeStreamedAsDataBindingWritesThem() {
        EntryView counted = new EntryView(uuid(), uuid(), uuid(), "MESSAGE", "t", null, List.of(), null, false,
                Instant.parse("2026-11-27T07:40:00.5Z"), 3);
        EntryView sparse = new EntryView(uuid(), uuid(), uuid(), "MEMBER_JOINED", null, null, null, null, false, null, null);
        assertStreamedAsBound(new ServerFrames.EntryPush(counted));
        assertStreamedAsBound(new ServerFrames.EntryPush(sparse));
    }

    @Test
    void randomEntriesShouldBeStreamedAsDataBindingWritesThem() {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            List<AttachmentView> attachments = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                attachments.add(attachment(randomText(random), random.nextLong() & Long.MAX_VALUE));
            }
            Instant at = Instant.ofEpochMilli(random.nextLong(4_102_444_800_000L));
            assertStreamedAsBound(new ServerFrames.EntryPush(entry(randomText(random),
                    random.nextBoolean() ? null : uuid(), attachments, random.nextBoolean() ? null : randomText(random),
                    random.nextBoolean(), at)));
        }
    }

    @Test
    void acksShouldBeStreamedAsDataBindingWritesThem() {
        assertStreamedAsBound(new ServerFrames.Ack("r1", uuid(), uuid(), "stored"));
        assertStreamedAsBound(new ServerFrames.Ack(null, uuid(), uuid(), "duplicate"));
        assertStreamedAsBound(new ServerFrames.Ack(AWKWARD, uuid(), uuid(), "stored"));
    }

    @Test
    void onlyTheEntryPushAndTheAckShouldBeStreamed() {
        assertThat(StreamedFrames.handles(new ServerFrames.Ack("r", uuid(), uuid(), "stored"))).isTrue();
        assertThat(StreamedFrames.handles(new ServerFrames.EntryPush(entry("t", null, List.of(), null, false,
                Instant.EPOCH)))).isTrue();
        assertThat(StreamedFrames.handles(new ServerFrames.Pong("r"))).isFalse();
        assertThat(StreamedFrames.handles(new ServerFrames.SyncNudge())).isFalse();
    }

    private void assertStreamedAsBound(ServerFrames.Frame frame) {
        String bound = new String(frames.encodeByBinding(frame), StandardCharsets.UTF_8);
        ByteBuf wire = frames.toWire(frame);
        try {
            String streamed = TextFrames.payload(wire).toString(StandardCharsets.UTF_8);
            assertThat(streamed).isEqualTo(bound);
        } finally {
            wire.release();
        }
    }

    private static EntryView entry(String text, String replyTo, List<AttachmentView> attachments, String target,
                                   boolean deleted, Instant createdAt) {
        return new EntryView(uuid(), uuid(), uuid(), "MESSAGE", text, replyTo, attachments, target, deleted, createdAt,
                null);
    }

    private static AttachmentView attachment(String name, long size) {
        return new AttachmentView("ab".repeat(32), name, "image/png", size);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int kind = random.nextInt(4);
            text.appendCodePoint(kind == 0 ? random.nextInt(0x20) : kind == 1 ? 0x20 + random.nextInt(0x5f)
                    : kind == 2 ? 0xac00 + random.nextInt(11_172) : 0x1f600 + random.nextInt(80));
        }
        return text.toString();
    }
}
