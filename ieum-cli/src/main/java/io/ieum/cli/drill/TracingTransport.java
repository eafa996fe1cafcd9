package io.ieum.cli.drill;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.ieum.client.realtime.RealtimeSocket;
import io.ieum.client.realtime.RealtimeSocketListener;
import io.ieum.client.realtime.RealtimeTransport;

/**
 * A realtime transport that writes each socket's life into a {@link FailoverTrace}: the site tried,
 * the handshake, the token sent, {@code ready}, the sync requests (the first says how many sends went
 * out before it: the re-sent outbox) and {@code synced} pages, the first {@code ack}, error frames and
 * the close.
 * It only watches the frames the connection exchanges (by their leading {@code "type"}, which the
 * server writes first), so the client library is measured as it is.
 */
final class TracingTransport implements RealtimeTransport {

    private static final int MAX_ERROR_TEXT = 200;
    /** Sync pages traced per socket (the last one always is). */
    private static final int MAX_PAGES_TRACED = 20;

    private final RealtimeTransport delegate;
    private final FailoverTrace trace;

    TracingTransport(RealtimeTransport delegate, FailoverTrace trace) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.trace = requireNonNull(trace, "trace");
    }

    @Override
    public RealtimeSocket open(URI uri, Map<String, String> headers, Duration connectTimeout,
                               RealtimeSocketListener listener) {
        requireNonNull(listener, "listener");
        Watch watch = new Watch(uri.getRawAuthority());
        trace.record(FailoverStep.Kind.TRY, watch.site, "");
        RealtimeSocket socket = delegate.open(uri, headers, connectTimeout, new RealtimeSocketListener() {
            @Override
            public void onOpen(RealtimeSocket opened) {
                watch.opened = true;
                trace.record(FailoverStep.Kind.CONNECTED, watch.site, "");
                listener.onOpen(watch.wrap(opened));
            }

            @Override
            public void onText(byte[] utf8, int offset, int length) {
                watch.received(utf8, offset, length);
                listener.onText(utf8, offset, length);
            }

            @Override
            public void onClosed(int code, String reason) {
                trace.record(FailoverStep.Kind.CLOSED, watch.site, (watch.opened ? "" : "never opened: ") + code
                        + (reason == null || reason.isEmpty() ? "" : " " + reason));
                listener.onClosed(code, reason);
            }
        });
        return watch.wrap(socket);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** One socket's state as far as the trace needs it. */
    private final class Watch {
        final String site;
        volatile boolean opened;
        private boolean ready;
        private boolean syncAsked;
        private int syncPages;
        private boolean synced;
        private boolean acked;
        private int sendsSinceReady;

        Watch(String site) {
            this.site = site == null ? "?" : site;
        }

        RealtimeSocket wrap(RealtimeSocket socket) {
            return new RealtimeSocket() {
                @Override
                public void send(String text) {
                    sent(text);
                    socket.send(text);
                }

                @Override
                public void close(int code, String reason) {
                    socket.close(code, reason);
                }

                @Override
                public void abort() {
                    socket.abort();
                }
            };
        }

        synchronized void sent(String frame) {
            if (frame.contains("\"type\":\"auth\"")) {
                trace.record(FailoverStep.Kind.AUTH_SENT, site, "");
            } else if (ready && syncPages == 0 && !syncAsked && frame.contains("\"type\":\"sync\"")) {
                syncAsked = true;
                trace.record(FailoverStep.Kind.SYNC_SENT, site, Integer.toString(sendsSinceReady));
            } else if (ready && !syncAsked && frame.startsWith("{\"type\":\"send\"")) {
                sendsSinceReady++;
            }
        }

        synchronized void received(byte[] utf8, int offset, int length) {
            if (startsWith(utf8, offset, length, "{\"type\":\"ready\"")) {
                ready = true;
                trace.record(FailoverStep.Kind.READY, site, "");
            } else if (!synced && startsWith(utf8, offset, length, "{\"type\":\"synced\"")) {
                syncPages++;
                synced = endsWith(utf8, offset, length, "\"hasMore\":false}");
                if (synced) {
                    trace.record(FailoverStep.Kind.SYNCED, site, Integer.toString(syncPages));
                } else if (syncPages <= MAX_PAGES_TRACED) {
                    trace.record(FailoverStep.Kind.SYNC_PAGE, site, Integer.toString(syncPages));
                }
            } else if (!acked && startsWith(utf8, offset, length, "{\"type\":\"ack\"")) {
                acked = true;
                trace.record(FailoverStep.Kind.FIRST_ACK, site, "");
            } else if (startsWith(utf8, offset, length, "{\"type\":\"error\"")) {
                trace.record(FailoverStep.Kind.ERROR, site,
                        new String(utf8, offset, Math.min(length, MAX_ERROR_TEXT), StandardCharsets.UTF_8));
            }
        }
    }

    static boolean startsWith(byte[] utf8, int offset, int length, String ascii) {
        if (length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (utf8[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(byte[] utf8, int offset, int length, String ascii) {
        return length >= ascii.length() && startsWith(utf8, offset + length - ascii.length(), ascii.length(), ascii);
    }
}
