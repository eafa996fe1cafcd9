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
    void framesQueuedTogetherShouldBeWrittenInOrderWithOneFlush() {
        writer.write(out, frame("one"));
        writer.write(out, frame("two"));
        writer.write(out, frame("three"));
        assertThat((Object) channel.readOutbound()).as("nothing written before the loop runs the batch").isNull();

        channel.runPendingTasks();

        assertThat(readText()).isEqualTo("one");
        assertThat(readText()).isEqualTo("two");
        assertThat(readText()).isEqualTo("three");
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
