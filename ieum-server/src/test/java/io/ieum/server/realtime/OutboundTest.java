package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketWriter;

class OutboundTest {

    private final WebSocketWriter writer = WebSocket.streaming();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Outbound out = new Outbound(writer, 100, dropped::incrementAndGet);

    @Test
    void aBacklogOverTheLimitShouldDropTheSocket() {
        WebSocketFrame frame = WebSocketFrame.ofText("x".repeat(60));

        assertThat(out.write(frame)).isEqualTo(Outbound.Result.WRITTEN);
        assertThat(out.write(frame)).isEqualTo(Outbound.Result.WRITTEN);
        assertThat(out.pendingBytes()).isEqualTo(120);
        assertThat(out.write(frame)).isEqualTo(Outbound.Result.DROPPED_SLOW);

        assertThat(out.isOpen()).isFalse();
        assertThat(out.write(frame)).isEqualTo(Outbound.Result.CLOSED);
        assertThat(dropped).hasValue(1);
    }

    @Test
    void oneFrameLargerThanTheLimitShouldPassWhenNothingIsPending() {
        assertThat(out.writeText("y".repeat(500))).isEqualTo(Outbound.Result.WRITTEN);
    }

    @Test
    void framesTakenBySocketShouldLeaveTheBacklog() {
        WebSocketFrame frame = WebSocketFrame.ofText("z".repeat(60));
        out.write(frame);
        out.write(frame);

        out.stream().subscribe(new org.reactivestreams.Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(WebSocketFrame f) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        });

        org.awaitility.Awaitility.await().until(() -> out.pendingBytes() == 0);
        assertThat(out.write(frame)).isEqualTo(Outbound.Result.WRITTEN);
    }

    @Test
    void closeShouldBeIdempotent() {
        out.close(CloseCodes.GOING_AWAY, "server shutting down");
        out.close(CloseCodes.PROTOCOL_VIOLATION, "again");

        assertThat(out.isOpen()).isFalse();
        assertThat(out.writeText("{}")).isEqualTo(Outbound.Result.CLOSED);
    }
}
