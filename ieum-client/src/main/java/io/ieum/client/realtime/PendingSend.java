package io.ieum.client.realtime;

import java.util.concurrent.CompletableFuture;

import io.ieum.client.model.Ack;

/**
 * A send waiting for its {@code ack}. {@code frame} is the exact JSON sent, so a re-send after a
 * reconnect carries the same message ID and is recognised by the server as the same write.
 */
public record PendingSend(String id, String roomId, String frame, CompletableFuture<Ack> ack, long createdNanos) {}
