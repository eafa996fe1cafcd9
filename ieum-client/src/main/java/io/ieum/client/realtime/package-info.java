/**
 * The realtime connection (WebSocket {@code /ws} of docs/protocol.md) and the small pieces it is
 * made of: the corrected clock that stamps message IDs, the outbox of unacknowledged sends, and the
 * de-duplicator that turns at-least-once delivery into exactly-once display.
 */
package io.ieum.client.realtime;
