package io.ieum.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The one answer both upgrade endpoints give a refused handshake. */
class UpgradeRefusalTest {

    private static final String BODY = "{\"error\":\"unauthorized\",\"message\":\"x-ieum-cluster-secret: missing\"}";

    @Test
    void aRefusalShouldCarryTheStatusAndJsonErrorAndCloseTheConnection() {
        EmbeddedChannel channel = refuse(HttpResponseStatus.UNAUTHORIZED);

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json; charset=utf-8");
            assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(BODY.length());
            assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
            assertThat(response.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_VERSION)).isFalse();
        } finally {
            response.release();
        }
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void a426ShouldNameTheVersionItWants() {
        EmbeddedChannel channel = refuse(HttpResponseStatus.UPGRADE_REQUIRED);

        FullHttpResponse response = channel.readOutbound();
        try {
            assertThat(response.status().code()).isEqualTo(426);
            assertThat(response.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION)).isEqualTo("13");
        } finally {
            response.release();
        }
    }

    private static EmbeddedChannel refuse(HttpResponseStatus status) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                UpgradeRefusal.send(ctx, status, BODY.getBytes(StandardCharsets.UTF_8));
            }
        });
        channel.writeInbound("request");
        channel.runPendingTasks();
        return channel;
    }
}
