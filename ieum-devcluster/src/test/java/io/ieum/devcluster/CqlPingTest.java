package io.ieum.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CqlPingTest {

    @Test
    void closedPortShouldNotCountAsServingCql() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(CqlPing.answers(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))).isFalse();
    }

    @Test
    void serverAnsweringOptionsWithSupportedShouldCountAsServingCql() throws Exception {
        assertThat(pingServerAnswering(new byte[] {(byte) 0x84, 0, 0, 1, 0x06, 0, 0, 0, 0})).isTrue();
    }

    @Test
    void serverAnsweringSomethingElseShouldNotCount() throws Exception {
        assertThat(pingServerAnswering(new byte[] {'H', 'T', 'T', 'P', '/', '1', '.', '1', ' '})).isFalse();
    }

    private static boolean pingServerAnswering(byte[] reply) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> request = CompletableFuture.supplyAsync(() -> {
                try (Socket client = server.accept()) {
                    byte[] header = new byte[9];
                    new DataInputStream(client.getInputStream()).readFully(header);
                    client.getOutputStream().write(reply);
                    return header;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean answers = CqlPing.answers(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            assertThat(request.get()).containsExactly(0x04, 0, 0, 1, 0x05, 0, 0, 0, 0);
            return answers;
        }
    }
}
