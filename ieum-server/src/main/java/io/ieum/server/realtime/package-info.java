/**
 * The WebSocket endpoint ({@code GET /ws}) and live delivery, as specified in docs/protocol.md
 * ("WebSocket: GET /ws").
 *
 * <h2>Transport</h2>
 * Plain Netty on Armeria's port (ADR 0007): {@code UpgradeSniffer}, first in every connection's
 * pipeline, takes a connection whose first request line is {@code GET /ws} out of Armeria;
 * {@code Handshake} upgrades it with Netty's {@code WebSocketServerHandshaker13} (or answers
 * 400/426 with a JSON error); then the pipeline is Netty's frame decoder and encoder, a frame
 * aggregator, {@code Outbound} (bounded backlog, nothing after the close frame) and
 * {@code Connection}. Server frames are complete WebSocket frames encoded once
 * ({@code TextFrames}); a push writes the same bytes to every recipient.
 *
 * <h2>Protocol handling</h2>
 * {@link io.ieum.server.realtime.WebSocketEndpoint} accepts sockets; each becomes a
 * {@code Connection} that reads one frame at a time and runs it off the event loop, so a device's
 * frames are handled in the order sent (acks of sends may still arrive out of order, once each
 * message is durable). {@code ClientFrameParser} turns text into a typed {@code ClientFrame} with
 * no I/O: structural problems (not JSON, not an object, missing or unknown {@code type}, a field of
 * the wrong JSON type, a binary frame, any frame before {@code auth}) close the socket with
 * {@code 4400} and a reason naming the problem; a bad value in a well-formed frame (a missing
 * field, a malformed ID) and every domain failure answer an {@code error} frame, localized from
 * the upgrade request's {@code Accept-Language}, and the socket stays open. {@code auth} must come
 * within 10 s ({@code 4401} otherwise); sessions are re-checked every minute ({@code 4401} once
 * revoked or expired). Frames over 64 KiB close with {@code 1009}.
 *
 * <h2>Delivery guarantee</h2>
 * At least once to every connected device, plus sync: {@link io.ieum.server.realtime.Delivery}
 * encodes each event once and queues the same frame bytes on every socket of every recipient held by
 * this node, never waiting for a socket. A socket whose backlog passes its bound is closed with
 * {@code 4408} instead of buffering without limit. A device that was disconnected, dropped or
 * simply missed a push catches up with {@code sync} from the highest entry ID it has seen; the
 * first sync page overlaps the cursor, so devices de-duplicate by entry ID.
 */
package io.ieum.server.realtime;
