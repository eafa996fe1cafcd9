/**
 * The Cassandra backend: three sites, active-active, one keyspace replicated with
 * NetworkTopologyStrategy (3 replicas per site in production, 1 per site on the dev cluster).
 * Open it with {@link io.ieum.store.cassandra.CassandraStorage#open}.
 *
 * <h2>Tables (schema in code: {@code CassandraMigrations}, one {@code *Table} + {@code *Dao} each)</h2>
 * <table>
 *   <tr><th>table</th><th>partition key</th><th>clustering</th><th>write</th></tr>
 *   <tr><td>accounts_by_id</td><td>user_id</td><td></td><td>upsert (after the name is claimed)</td></tr>
 *   <tr><td>usernames</td><td>username</td><td></td><td>{@code INSERT IF NOT EXISTS}: the only per-user LWT</td></tr>
 *   <tr><td>sessions_by_token</td><td>token_hash</td><td></td><td>upsert; delete</td></tr>
 *   <tr><td>sessions_by_user</td><td>user_id</td><td>created_at, session_id</td><td>upsert; delete</td></tr>
 *   <tr><td>contacts</td><td>owner</td><td>other</td><td>upsert; delete</td></tr>
 *   <tr><td>rooms</td><td>room_id</td><td></td><td>{@code INSERT IF NOT EXISTS} (rare: room creation)</td></tr>
 *   <tr><td>members_by_room</td><td>room_id</td><td>user_id</td><td rowspan="2">both sides in one logged batch</td></tr>
 *   <tr><td>rooms_by_user</td><td>user_id</td><td>room_id</td></tr>
 *   <tr><td>timeline</td><td>(room_id, bucket)</td><td>id DESC</td><td>insert at a backwards timestamp; erase at real time</td></tr>
 *   <tr><td>timeline_buckets</td><td>room_id</td><td>bucket DESC</td><td>upsert before the entry (index of non-empty days)</td></tr>
 *   <tr><td>reads</td><td>room_id</td><td>user_id</td><td>blind upsert at a timestamp made from the position</td></tr>
 *   <tr><td>blob_chunks</td><td>(upload_id, chunk_no)</td><td></td><td>256 KiB chunks, 4 in flight</td></tr>
 *   <tr><td>blob_meta</td><td>sha256</td><td></td><td>upsert, written last: presence means complete</td></tr>
 *   <tr><td>uploads</td><td>user_id</td><td>sha256</td><td>upsert</td></tr>
 *   <tr><td>channels, channel_directory (16 shards, for search), channel_staff + staff_channels, catalogue,
 *       followers + followed_channels, conversations, announcements</td><td>channel / shard / user</td><td>…</td>
 *       <td>channels: {@code IF NOT EXISTS} / {@code IF EXISTS}; the rest QUORUM upserts, pairs in logged batches
 *       (schema in {@code ChannelTables}, ADR 0010)</td></tr>
 *   <tr><td>orders_by_id</td><td>order_id</td><td></td><td>{@code IF NOT EXISTS}; status by {@code IF channel_id = ? AND version = ?} (ADR 0016)</td></tr>
 *   <tr><td>order_board, order_buckets, orders_by_customer</td><td>(channel_id, 30-day bucket) / channel_id / customer</td><td>order_id DESC / bucket / order_id</td><td>upserts before the order: an acknowledged order is always listed</td></tr>
 *   <tr><td>orders</td><td>(channel_id, 30-day bucket)</td><td>order_id DESC</td><td>schema step 3's layout: copied by step 4, no longer written or read</td></tr>
 *   <tr><td>calendars</td><td>channel_id</td><td></td><td>upsert</td></tr>
 *   <tr><td>slots</td><td>(channel_id, staff_id)</td><td>start</td><td>one conditional batch of {@code IF NOT EXISTS} per booking; release {@code IF booking_id = ?}</td></tr>
 *   <tr><td>bookings, bookings_by_customer</td><td>booking_id / customer</td><td>/ booking_id DESC</td><td>{@code IF NOT EXISTS}; changes {@code IF version = ?}</td></tr>
 *   <tr><td>schema_migrations</td><td>version</td><td></td><td>one row per applied schema step</td></tr>
 * </table>
 *
 * <h2>Consistency</h2>
 * <ul>
 *   <li>Every read and write runs at {@code QUORUM} (2 of 3 sites): an acknowledged write is on a
 *       majority of sites and survives the loss of any one; every QUORUM read overlaps it. Never
 *       {@code LOCAL_*}: a LOCAL_QUORUM write acknowledged by one site dies with it.</li>
 *   <li>The LWTs (username, room, and the channel tables' above) use serial consistency {@code SERIAL} (Paxos across sites, not
 *       {@code LOCAL_SERIAL}), commit at QUORUM. An unknown Paxos outcome (contention, timeout) is
 *       settled by a SERIAL read of the holder.</li>
 *   <li>Statements are idempotent (driver default true), so the driver may retry them on another
 *       node or site. Upserts rewrite the same values; appends and erases carry explicit
 *       timestamps (docs/adr/0004) so a re-execution never changes the outcome.</li>
 *   <li>Multi-row writes that must land together (membership's two sides; a deletion's event,
 *       bucket and erase) are logged batches. Others are ordered so a crash in between leaves
 *       nothing visible that is wrong: the username before the account, the session's user row
 *       before its token row, the bucket row before the entry, the blob chunks before the meta.</li>
 *   <li>Driver: local datacenter first, failover to up to 2 nodes per remote site, heartbeat
 *       3 s / 2 s, request timeout ~5 s, a bounded request throttler that turns overload into
 *       {@link io.ieum.core.store.StorageBusyException}.</li>
 * </ul>
 *
 * <h2>Read-then-write, knowingly</h2>
 * {@code removeMember}, {@code ContactStore.remove}, {@code SessionStore.delete} and
 * {@code updateProfile} read before they write to answer "was there one" or to avoid creating a
 * row for an unknown ID. Races there only change the boolean answer (or, for a profile, need an
 * account created and updated at the same instant), never the data.
 */
package io.ieum.store.cassandra;
