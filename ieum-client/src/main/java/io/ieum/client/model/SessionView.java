package io.ieum.client.model;

import java.time.Instant;

/** One logged-in device. */
public record SessionView(String id, String deviceName, Instant createdAt, Instant expiresAt, boolean current) {}
