package io.ieum.client.model;

import java.time.Instant;

/** A booking: BOOKED, CONFIRMED or CANCELLED; {@code version} grows with every applied change. */
public record BookingView(String id, String channelId, String customer, String serviceId, String staffId,
                          Instant start, Instant end, String status, String reason, int version, Instant updatedAt) {}
