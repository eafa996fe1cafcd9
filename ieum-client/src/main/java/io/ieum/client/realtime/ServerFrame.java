package io.ieum.client.realtime;

import java.util.List;

/**
 * One server frame as the connection needs it. Fields a frame type does not use stay null;
 * {@code entries} holds the pushed {@code entry} of an {@code entry} frame, or the page of a
 * {@code synced} frame.
 */
record ServerFrame(String type, String id, String roomId, String status, String ref, String error, String message,
                   String userId, String upTo, String serverTime, String cursor, boolean hasMore,
                   List<PushedEntry> entries) {}
