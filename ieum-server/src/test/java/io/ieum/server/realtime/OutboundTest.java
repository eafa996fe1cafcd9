package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

class OutboundTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Outbound out = new Outbound(channel, 100, dropped::incrementAndGet);

    OutboundTest() {
        channel.pipeline().addLast(out);
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFrameShouldReachTheSocketAsItIs() {
        ByteBuf frame = frame("hello");

        assertThat(out.write(frame.retainedDuplicate())).isEqualTo(Outbound.Result.WRITTEN);

        ByteBuf written = channel.readOutbound();
        assertThat(written).isEqualTo(frame);
        written.release();
        frame.release();
    }

    @Test
    void aSocketThatIsNotWritableShouldBeClosedWith4408AndCountedOnce() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false); // as when 100 bytes wait for the kernel

        assertThat(out.write(frame("x"))).isEqualTo(Outbound.Result.DROPPED_SLOW);
        assertThat(out.write(frame("y"))).isEqualTo(Outbound.Result.CLOSED);

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(CloseCodes.TOO_SLOW);
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(out.isOpen()).isFalse();
        assertThat(dropped).hasValue(1);
    }

    @Test
    void closeShouldBeIdempotentAndNothingShouldFollowTheCloseFrame() {
        assertThat(out.close(CloseCodes.GOING_AWAY, "server shutting down")).isTrue();
        assertThat(out.close(CloseCodes.PROTOCOL_VIOLATION, "again")).isFalse();
        channel.writeAndFlush(frame("late, from another thread"));

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1001);
        assertThat(close.reasonText()).isEqualTo("server shutting down");
        close.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(out.write(frame("{}"))).isEqualTo(Outbound.Result.CLOSED);
    }

    @Test
    void aClientThatNeverAnswersTheCloseFrameShouldBeHungUpOnAfterTheGrace() {
        out.close(CloseCodes.TOO_SLOW, "too slow: reconnect and sync");
        channel.advanceTimeBy(Outbound.CLOSE_GRACE_MILLIS - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theClientsCloseShouldBeAnsweredWith1000AndTheSocketClosed() {
        out.answerClose();
        channel.runPendingTasks();

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1000);
        close.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aClientAnsweringOurCloseShouldBeHungUpOnAtOnce() {
        out.close(CloseCodes.GOING_AWAY, "server shutting down");

        out.answerClose();

        assertThat(channel.isOpen()).isFalse();
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
