package io.ieum.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

class NettyTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private NettyTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void socketShouldComeFromTheBindAddress() throws Exception {
        transport = new NettyTransport(1, InetAddress.getByName("127.0.0.5"), NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new TextWebSocketFrame("echo " + text)))) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);

            events.opened.get(10, TimeUnit.SECONDS).send("hello");

            await().atMost(TIMEOUT).until(() -> events.texts.contains("echo hello"));
            assertThat(server.peers).singleElement()
                    .satisfies(peer -> assertThat(peer.getAddress().getHostAddress()).isEqualTo("127.0.0.5"));
        }
    }

    @Test
    void withOneIoThreadTheIoThreadShouldBeTheLoopOfEverySocket() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new TextWebSocketFrame("echo " + text)))) {
            RecordingSocketListener first = new RecordingSocketListener();
            RecordingSocketListener second = new RecordingSocketListener();
            NettySocket one = (NettySocket) transport.open(server.wsUri(), Map.of(), TIMEOUT, first);
            NettySocket two = (NettySocket) transport.open(server.wsUri(), Map.of(), TIMEOUT, second);
            first.opened.get(10, TimeUnit.SECONDS);
            second.opened.get(10, TimeUnit.SECONDS);

            ScheduledExecutorService ioThread = transport.ioThread().orElseThrow();
            CompletableFuture<Boolean> onLoops = CompletableFuture.supplyAsync(() -> {
                one.send("from the loop");
                two.send("from the loop too");
                return one.inIoThread() && two.inIoThread();
            }, ioThread);

            assertThat(onLoops.get(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(TIMEOUT).until(() -> first.texts.contains("echo from the loop")
                    && second.texts.contains("echo from the loop too"));
        }
    }

    @Test
    void socketShouldHaveNagleOff() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {})) {
            RecordingSocketListener events = new RecordingSocketListener();
            NettySocket socket = (NettySocket) transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS);

            assertThat(socket.noDelay()).isTrue();
        }
    }

    @Test
    void serverCloseCodeAndReasonShouldReachTheListenerOnce() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new CloseWebSocketFrame(4401, "token refused")))) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("{\"type\":\"auth\",\"token\":\"x\"}");

            assertThat(events.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4401 token refused");
            assertThat(events.closeCount).isEqualTo(1);
        }
    }

    @Test
    void oversizedServerFrameShouldCloseTheSocketInsteadOfHanging() throws Exception {
        transport = new NettyTransport(1, null, 4096);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new TextWebSocketFrame("x".repeat(100_000))))) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("go");

            events.closed.get(10, TimeUnit.SECONDS);
            assertThat(events.texts).isEmpty();
            assertThat(events.closeCode).isIn(1006, 1009);
        }
    }

    @Test
    void serverThatDropsTheConnectionShouldBeReportedAsAbnormal() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.channel().close())) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("bye");

            events.closed.get(10, TimeUnit.SECONDS);
            assertThat(events.closeCode).isEqualTo(1006);
        }
    }

    @Test
    void refusedConnectionShouldBeReportedOnceAsAbnormal() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        URI nothingThere;
        try (ScriptedWebSocketServer gone = new ScriptedWebSocketServer((ctx, text) -> {})) {
            nothingThere = gone.wsUri();
        }
        RecordingSocketListener events = new RecordingSocketListener();
        transport.open(nothingThere, Map.of(), TIMEOUT, events);

        assertThat(events.closed.get(10, TimeUnit.SECONDS)).startsWith("1006 connect failed");
        assertThat(events.opened).isNotDone();
    }

    @Test
    void refusedHandshakeShouldBeReportedAsAbnormal() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {})) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.siteUri().resolve("/not-ws"), Map.of(), TIMEOUT, events);

            events.closed.get(10, TimeUnit.SECONDS);
            assertThat(events.closeCode).isEqualTo(1006);
            assertThat(events.opened).isNotDone();
        }
    }

    @Test
    void abortShouldCloseWithoutACloseFrame() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(new TextWebSocketFrame(text)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE))) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).abort();

            assertThat(events.closed.get(10, TimeUnit.SECONDS)).startsWith("1006");
        }
    }

    @Test
    void framesBunchedInOneWriteAndOneCutOverSeveralWritesShouldArriveWholeAndInOrder() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        String big = "b".repeat(70_000);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            ByteArrayOutputStream bunched = new ByteArrayOutputStream();
            for (String small : new String[] {"one", "two", "three"}) {
                bunched.writeBytes(ServerFrameSplitterTest.frame(true, 0x1, small.getBytes(StandardCharsets.UTF_8)));
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bunched.toByteArray()));
            byte[] cut = ServerFrameSplitterTest.frame(true, 0x1, big.getBytes(StandardCharsets.UTF_8));
            writeRaw(ctx, cut, 0, 3);
            writeRaw(ctx, cut, 3, 30_000);
            writeRaw(ctx, cut, 30_003, cut.length - 30_003);
            ctx.writeAndFlush(new TextWebSocketFrame("last"));
        })) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("go");

            await().atMost(TIMEOUT).until(() -> events.texts.size() == 5);
            assertThat(events.texts).containsExactly("one", "two", "three", big, "last");
        }
    }

    @Test
    void pingInsideAFragmentedMessageShouldBeAnsweredAndTheMessageArriveWhole() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) -> {
            heard.add(text);
            if (text.equals("go")) {
                ctx.write(new TextWebSocketFrame(false, 0, "frag"));
                ctx.write(new PingWebSocketFrame(Unpooled.copiedBuffer("are you there", StandardCharsets.UTF_8)));
                ctx.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "mented"));
            }
        })) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("go");

            await().atMost(TIMEOUT).until(() -> heard.contains("pong:are you there") && events.texts.contains("fragmented"));
            assertThat(events.texts).containsExactly("fragmented");
        }
    }

    @Test
    void frameWithReservedBitsShouldCloseTheSocketAsAProtocolError() throws Exception {
        transport = new NettyTransport(1, null, NettyTransport.MAX_FRAME_BYTES);
        try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((ctx, text) ->
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) 0xC1, 1, 'x', (byte) 0x81, 1, 'y'})))) {
            RecordingSocketListener events = new RecordingSocketListener();
            transport.open(server.wsUri(), Map.of(), TIMEOUT, events);
            events.opened.get(10, TimeUnit.SECONDS).send("go");

            assertThat(events.closed.get(10, TimeUnit.SECONDS))
                    .isEqualTo("1006 protocol error: reserved bits set without an extension");
            assertThat(events.texts).isEmpty();
            assertThat(events.closeCount).isEqualTo(1);
        }
    }

    private static void writeRaw(ChannelHandlerContext ctx, byte[] bytes, int offset, int length) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes, offset, length));
    }
}
