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
 *   <li>Only two writes need linearizability: claiming a username, and (later) claiming a booking slot.</li>
 * </ul>
 */
package io.ieum.core.store;
