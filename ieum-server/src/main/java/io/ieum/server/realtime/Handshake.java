package io.ieum.server.realtime;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import io.ieum.core.error.ErrorCode;
import io.ieum.server.error.ErrorMessages;
import io.ieum.server.json.Json;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;

/**
 * Answers the upgrade request of {@code GET /ws} (RFC 6455 version 13, any origin: sockets
 * authenticate by token, never by cookie). A request that is not a WebSocket handshake gets a
 * 400 (426 for another protocol version) with the JSON error body of the REST API, in the
 * client's language. On success Netty's handshaker swaps the HTTP codec for the frame codec once
 * the response is written, and {@code accept} gets the channel and the client's locale.
 */
final class Handshake extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.KOREAN);
    static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(RealtimeSettings.MAX_FRAME_BYTES)
            .expectMaskedFrames(true)
            .allowExtensions(false)
            .closeOnProtocolViolation(true) // Netty answers 1009 (too big) or 1002 itself
            .build();

    private final Json json;
    private final ErrorMessages messages;
    private final BiConsumer<ChannelHandlerContext, Locale> accept;

    Handshake(Json json, ErrorMessages messages, BiConsumer<ChannelHandlerContext, Locale> accept) {
        this.json = requireNonNull(json, "json");
        this.messages = requireNonNull(messages, "messages");
        this.accept = requireNonNull(accept, "accept");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Locale locale = locale(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
        if (request.decoderResult().isFailure()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "request: malformed HTTP (expected: a WebSocket upgrade request)", locale);
            return;
        }
        HttpHeaders headers = request.headers();
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Upgrade: " + describe(headers.get(HttpHeaderNames.UPGRADE))
                    + " (expected: websocket)", locale);
            return;
        }
        if (!headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Connection: " + describe(headers.get(HttpHeaderNames.CONNECTION))
                    + " (expected: Upgrade)", locale);
            return;
        }
        String version = headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (!"13".equals(version)) {
            refuse(ctx, HttpResponseStatus.UPGRADE_REQUIRED, "Sec-WebSocket-Version: " + describe(version)
                    + " (expected: 13)", locale);
            return;
        }
        if (!headers.contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Sec-WebSocket-Key: missing (expected: a random base64 key)", locale);
            return;
        }
        try {
            new WebSocketServerHandshaker13("/ws", null, DECODER).handshake(ctx.channel(), request);
        } catch (WebSocketHandshakeException rejected) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "handshake: " + rejected.getMessage(), locale);
            return;
        }
        accept.accept(ctx, locale);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // e.g. reset by the peer before the handshake ended
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String detail, Locale locale) {
        UpgradeRefusal.send(ctx, status, json.write(messages.body(ErrorCode.BAD_REQUEST, detail, locale)));
    }

    private static String describe(String value) {
        return value == null ? "missing" : "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'";
    }

    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED_LOCALES);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
