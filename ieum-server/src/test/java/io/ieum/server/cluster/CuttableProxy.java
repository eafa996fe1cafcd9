package io.ieum.server.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback in front of a node, whose connections a test can cut (both ends closed,
 * as when a network path breaks) and keep refusing until it is {@linkplain #restore() restored}.
 * Put between two nodes, it breaks the node-to-node link without stopping either node.
 */
public final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile boolean closed;

    private CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cuttable-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CuttableProxy to(int targetPort) throws IOException {
        return new CuttableProxy(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every relayed connection and refuses new ones. */
    public void cut() {
        refusing = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Relays new connections again. */
    public void restore() {
        refusing = false;
    }

    @Override
    public void close() {
        closed = true;
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (!closed) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (refusing) {
                closeQuietly(in);
                continue;
            }
            try {
                Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                closeQuietly(in);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream is = from.getInputStream(); OutputStream os = to.getOutputStream()) {
                int n;
                while ((n = is.read(buffer)) >= 0) {
                    os.write(buffer, 0, n);
                    os.flush();
                }
            } catch (IOException e) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
