package io.ieum.client.model;

import java.time.Instant;

/** A business channel (a shop); {@code picture} is the SHA-256 of its picture or null. */
public record ChannelView(String id, String name, String description, String openingHours, String contact,
                          String picture, String owner, Instant createdAt) {}
