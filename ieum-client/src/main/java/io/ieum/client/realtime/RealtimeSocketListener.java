package io.ieum.client.realtime;

/** What a {@link RealtimeSocket} reports, on its I/O thread, in order. */
public interface RealtimeSocketListener {

    /** The handshake succeeded; frames may be sent now. */
    void onOpen(RealtimeSocket socket);

    /**
     * A whole text frame as UTF-8 bytes. The array is only valid during the call (the transport
     * reuses it), so a listener that keeps the text must copy it.
     */
    void onText(byte[] utf8, int offset, int length);

    /**
     * The socket is gone, called once: {@code code} is the server's close code, or 1006 when there
     * was none (connect refused, handshake rejected, connection reset, unreadable frame).
     */
    void onClosed(int code, String reason);
}
