package io.ieum.client.model;

import java.time.Instant;

/** A line of the room list; {@code latest} is null for a room without entries. */
public record RoomSummary(String id, String kind, String name, int memberCount, Instant lastActivity, int unread,
                          EntryView latest) {}
