package io.ieum.client.model;

/** A member's read position in a room moved up to {@code upTo}. */
public record ReadEvent(String roomId, String userId, String upTo) {}
