package io.ieum.store.cassandra;

import java.util.List;

/**
 * Schema step 5 (ADR 0016): {@code booking_attempts} has a row per booking create begun, keyed by the
 * booking ID (one small partition each, so no two bookings contend), written at QUORUM before the slot
 * claim. A late resend of a booking whose claim never landed is let through the ID freshness rule by it.
 */
final class BookingAttemptsTable {

    static final String NAME = "booking_attempts";
    static final String CREATE = "CREATE TABLE IF NOT EXISTS {ks}.booking_attempts (booking_id uuid, channel_id uuid, "
            + "PRIMARY KEY ((booking_id), channel_id))";
    static final String INSERT = "INSERT INTO {ks}.booking_attempts (booking_id, channel_id) VALUES (?, ?)";

    static final List<String> NAMES = List.of(NAME);

    private BookingAttemptsTable() {}
}
