package io.ieum.client.realtime;

import java.util.List;

import io.ieum.client.model.EntryView;

/**
 * Every server frame, read in one pass straight into this record (the fields a frame type does not
 * use stay null). Reading a tree first and binding it afterwards cost about twice as much on the
 * delivery path, which a load generator receiving 100,000 frames a second notices.
 */
record IncomingFrame(String type, EntryView entry, String id, String roomId, String status, String ref,
                     String error, String message, String userId, String upTo, String serverTime,
                     List<EntryView> entries, String cursor, boolean hasMore) {}
