package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

class LoopWriterTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Outbound out = new Outbound(channel, 64 * 1024, dropped::incrementAndGet);
    private final LoopWriter writer = new LoopWriter(channel.eventLoop());

    LoopWriterTest() {
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
                ctx.flush();
            }
        }, out);
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void framesQueuedTogetherShouldBeWrittenInOrderAsOneWriteWithOneFlush() {
        ByteBuf shared = frame("two");
        writer.write(out, frame("one"));
        writer.write(out, shared.retainedDuplicate());
        writer.write(out, frame("three"));
        assertThat((Object) channel.readOutbound()).as("nothing written before the loop runs the batch").isNull();

        channel.runPendingTasks();

        assertThat(readText()).isEqualTo("onetwothree");
        assertThat((Object) channel.readOutbound()).as("one buffer for the whole batch").isNull();
        assertThat(flushes).hasValue(1);
        assertThat(shared.refCnt()).as("the copied frame's reference was given back").isEqualTo(1);
        shared.release();
    }

    @Test
    void aLoneFrameShouldBeWrittenAsItIs() {
        ByteBuf frame = frame("alone");
        writer.write(out, frame);

        channel.runPendingTasks();

        ByteBuf written = channel.readOutbound();
        assertThat(written).isSameAs(frame);
        written.release();
    }

    @Test
    void aLargeFrameShouldBeWrittenOnItsOwnBetweenTheSmallOnesAroundIt() {
        String large = "x".repeat(20_000);
        writer.write(out, frame("a"));
        writer.write(out, frame("b"));
        writer.write(out, frame(large));
        writer.write(out, frame("c"));

        channel.runPendingTasks();

        assertThat(readText()).isEqualTo("ab");
        assertThat(readText().equals(large)).as("the large frame, alone and whole").isTrue();
        assertThat(readText()).isEqualTo("c");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(flushes).hasValue(1);
    }

    @Test
    void aFrameQueuedAfterABatchShouldBeWrittenByTheNextOne() {
        writer.write(out, frame("first"));
        channel.runPendingTasks();
        writer.write(out, frame("second"));
        channel.runPendingTasks();

        assertThat(readText()).isEqualTo("first");
        assertThat(readText()).isEqualTo("second");
        assertThat(flushes).hasValue(2);
    }

    @Test
    void framesForAClosingSocketShouldBeReleasedUnwritten() {
        ByteBuf frame = frame("late");
        writer.write(out, frame.retain());
        out.close(CloseCodes.NORMAL, "bye");

        channel.runPendingTasks();

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCodes.NORMAL);
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(frame.refCnt()).as("only this test's own reference is left").isEqualTo(1);
        frame.release();
    }

    @Test
    void aSocketThatIsNotWritableWhenTheBatchRunsShouldBeDroppedAsTooSlow() {
        writer.write(out, frame("x"));
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

        channel.runPendingTasks();

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCodes.TOO_SLOW);
        close.release();
        assertThat(dropped).hasValue(1);
    }

    private String readText() {
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8); // the writer does not look inside
    }
}
