package io.ieum.devcluster;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Is a node serving CQL? Sends a native-protocol v4 OPTIONS frame and expects SUPPORTED back.
 * An open port alone is not enough, and a full driver session is too slow to poll with.
 */
public final class CqlPing {

    private static final byte PROTOCOL_V4_REQUEST = 0x04;
    private static final byte PROTOCOL_V4_RESPONSE = (byte) 0x84;
    private static final byte OPCODE_OPTIONS = 0x05;
    private static final byte OPCODE_SUPPORTED = 0x06;
    private static final int TIMEOUT_MILLIS = 1_000;

    private CqlPing() {}

    public static boolean answers(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            // header: version, flags, stream id (2 bytes), opcode, body length (4 bytes)
            out.write(new byte[] {PROTOCOL_V4_REQUEST, 0, 0, 1, OPCODE_OPTIONS, 0, 0, 0, 0});
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[9];
            in.readFully(header);
            return header[0] == PROTOCOL_V4_RESPONSE && header[4] == OPCODE_SUPPORTED;
        } catch (IOException e) {
            return false;
        }
    }
}
