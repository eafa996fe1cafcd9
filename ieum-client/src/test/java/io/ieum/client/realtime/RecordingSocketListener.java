package io.ieum.client.realtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a socket reported, for assertions. */
final class RecordingSocketListener implements RealtimeSocketListener {

    final CompletableFuture<RealtimeSocket> opened = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    volatile int closeCode;
    volatile int closeCount;

    @Override
    public void onOpen(RealtimeSocket socket) {
        opened.complete(socket);
    }

    @Override
    public void onText(byte[] utf8, int offset, int length) {
        texts.add(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void onClosed(int code, String reason) {
        closeCode = code;
        closeCount++;
        closed.complete(code + " " + reason);
    }
}
