package io.ieum.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.ieum.server.IeumServer;

/**
 * The node-to-node link carries tens of thousands of frames of every size without being closed.
 * Armeria 1.34.1's WebSocket decoder, which served {@code /internal/events} before, closed such a
 * link with {@code 1002 invalid data frame length (not using minimal length encoding)} after some
 * 50,000–90,000 well-formed frames from the JDK client (the bytes on the wire were checked), so busy
 * peers lost their queued events again and again in the fire drill.
 */
class PeerLinkFramingTest {

    private static final int FRAMES = 100_000;

    @Test
    void aLinkShouldCarryAHundredThousandFramesOfRandomSizesWithoutBeingClosed() throws Exception {
        int port = ClusterNodes.freePort();
        try (IeumServer node = ClusterNodes.start("node-a", ClusterNodes.tempDir(), port, List.of())) {
            AtomicLong answered = new AtomicLong();
            AtomicReference<String> closed = new AtomicReference<>();
            WebSocket link = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header(InternalEventsService.SECRET_HEADER, ClusterNodes.SECRET)
                    .header(InternalEventsService.ORIGIN_HEADER, "peer/0123")
                    .header("Origin", ClusterNodes.url(port)) // as PeerLink sends it
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + InternalEventsService.PATH), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            if (last) { // the client may hand a message over in parts
                                answered.incrementAndGet();
                            }
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                            closed.set(code + " " + reason);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket socket, Throwable error) {
                            closed.set(error.toString());
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                            socket.request(1);
                            return null;
                        }
                    })
                    .join();
            Random random = new Random(6455);
            StringBuilder padding = new StringBuilder();
            for (int i = 0; i < FRAMES && closed.get() == null; i++) {
                padding.setLength(0);
                int length = 1 + random.nextInt(3000);
                for (int c = 0; c < length; c++) {
                    padding.append(random.nextInt(10) == 0 ? '이' : 'x'); // some 3-byte characters
                }
                // A heartbeat with padding: the node answers each one, so every frame is accounted for.
                link.sendText("{\"t\":\"hb\",\"pad\":\"" + padding + "\"}", true).join();
            }

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() >= FRAMES || closed.get() != null);
            assertThat(closed.get()).as("link closed by the node after " + answered.get() + " answers").isNull();
            assertThat(answered.get()).as("heartbeats answered").isEqualTo(FRAMES);
            link.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
