/**
 * Node-to-node delivery of live events (ADR 0006). Each node dials every peer once at
 * {@code /internal/events} (a WebSocket authenticated by the shared {@code node.clusterSecret}) and
 * sends, over that one ordered connection, the events its services publish plus a heartbeat every
 * {@code node.heartbeatInterval}; the peer answers each heartbeat and hands each event to its own
 * local delivery, never forwarding it again.
 *
 * <p>Wire format: one compact JSON object per text frame.
 * <pre>
 * {"t":"hb"}                                                     heartbeat (both directions)
 * {"t":"ev","o":"site1-a/3f9c..","s":42,"r":["&lt;userId&gt;",..],"e":{..}}  an event
 *   e = {"k":"entry","room","id","sender","kind","text","replyTo","att":[..],"target","deleted"}
 *     | {"k":"read","room","user","upTo"}
 *     | {"k":"members","room"}                                   drop cached members of the room
 * </pre>
 * {@code o} is the origin node's name and boot ID, {@code s} a sequence number increasing per
 * origin; a receiver drops events of its own origin (loops) and any {@code s} it has already seen.
 *
 * <p>A receiver that may have missed events — a skipped {@code s}, a new boot ID for a known name, a
 * peer's link to it closing or opening, a peer its heartbeats find down — counts the signal
 * ({@link io.ieum.server.cluster.GapReason}) and the server tells its connected devices to sync
 * ({@code {"type":"sync"}}, spread over {@code node.syncNudgeWindow}; ADR 0006).
 */
package io.ieum.server.cluster;
