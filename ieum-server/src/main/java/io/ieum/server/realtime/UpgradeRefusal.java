package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The answer to a WebSocket upgrade this server will not make, on the plain Netty pipelines of
 * {@code /ws} and {@code /internal/events} (no Armeria error mapper there): the status, the JSON
 * error body {@code {"error","message"}}, and the connection closed once it is written. A 426 names
 * the protocol version it wants, as RFC 6455 asks.
 */
public final class UpgradeRefusal {

    private UpgradeRefusal() {}

    /** Writes the refusal and closes the connection. */
    public static void send(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] jsonBody) {
        requireNonNull(ctx, "ctx");
        requireNonNull(status, "status");
        requireNonNull(jsonBody, "jsonBody");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(jsonBody));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, jsonBody.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (status.equals(HttpResponseStatus.UPGRADE_REQUIRED)) {
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
