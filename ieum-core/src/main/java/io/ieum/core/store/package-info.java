/**
 * Storage ports. Every backend implements these narrow interfaces and must pass the contract suites
 * shipped in this module's test-jar ({@code io.ieum.core.store.contract}).
 *
 * <h2>Data model (shared by every backend)</h2>
 * <ul>
 *   <li>No database-generated IDs: every key is a UUID made by the server or the client.</li>
 *   <li>No correctness depends on a transaction across partitions; every write is an idempotent
 *       upsert or insert-if-absent, safe to retry on any node.</li>
 *   <li>Timeline entries are partitioned by (room, time bucket) and clustered by entry ID (UUIDv7);
 *       the bucket is a function of the ID's timestamp ({@link io.ieum.core.store.TimeBuckets}).</li>
 *   <li>Room activity (last message, preview) is the room's newest timeline entry; unread counts
 *       and "not yet read by N" derive from read positions, which only move forward.</li>
 *   <li>Instants are kept to the millisecond (what both SQLite and Cassandra store).</li>
 *   <li>Linearizable writes (a unique key or a transaction on SQLite, a lightweight transaction at
 *       SERIAL on Cassandra) only where uniqueness or a state machine needs them: claiming a
 *       username, creating an order or booking under its client-made ID, claiming booking slots,
 *       and every order or booking status change (compare-and-set on its version).</li>
 * </ul>
 *
 * <h2>Business channels (ADR 0010)</h2>
 * <ul>
 *   <li><b>channel</b> (id) → name, description, opening hours, contact, picture, owner;
 *       <b>staff</b> (channel, user) → role, with the reverse index user → channels;
 *       <b>catalogue</b> (channel, item) → kind PRODUCT|SERVICE, name, price, options, duration, available;
 *       <b>followers</b> (channel, user), with user → channels; <b>announcements</b> (channel, id).</li>
 *   <li><b>conversation</b> (channel, customer) → room: a room of kind {@code CHANNEL} whose ID is
 *       name-based on the pair (one room per pair, made the same on every site without a
 *       transaction), with the customer and every staff member as members. Order and booking
 *       changes are posted into it as {@code ORDER_UPDATE} / {@code BOOKING_UPDATE} entries.</li>
 *   <li><b>order</b> (channel, client-made UUIDv7 id) → customer, items (name and unit price copied
 *       from the catalogue), requested time, fulfilment, address, note, status, reason,
 *       version; with customer → orders. Created insert-if-absent; changed only by a
 *       compare-and-set on the version along {@link io.ieum.core.channel.OrderStatus#next()}.</li>
 *   <li><b>calendar</b> (channel) → zone, slot length, working hours per weekday, bookable staff;
 *       <b>slot</b> (channel, staff, start) → booking id: the linearizable claim;
 *       <b>booking</b> (client-made UUIDv7 id) → channel, customer, service, staff, start, end,
 *       slot length, status, version; with customer → bookings.</li>
 * </ul>
 */
package io.ieum.core.store;
