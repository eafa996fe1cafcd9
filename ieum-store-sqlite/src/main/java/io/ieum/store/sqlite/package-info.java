/**
 * The embedded SQLite backend: every storage port on one database file ({@code dataDir/ieum.db})
 * plus content-addressed blob files ({@code dataDir/blobs/ab/cd/<sha256>}).
 *
 * <h2>Why it is built this way</h2>
 * <ul>
 *   <li><b>WAL</b> ({@code journal_mode=WAL}): readers never block the writer nor each other, so a
 *       small pool of read-only connections ({@link io.ieum.store.sqlite.ReadPool}) serves queries
 *       beside the one writer.</li>
 *   <li><b>synchronous=FULL</b>: a commit is fsynced before its futures complete, so an
 *       acknowledged write survives a power cut. Its cost is paid per commit, not per row.</li>
 *   <li><b>One writer thread with group commit</b> ({@link io.ieum.store.sqlite.SqliteWriter}):
 *       SQLite allows one writer anyway; queued write tasks are committed up to {@code maxBatch}
 *       per transaction (measured here: ~6,000 rows/s committing row by row, ~36,000–48,000 with
 *       groups of 100–1,000). When others are queued behind the first task, the writer waits for
 *       more until that task has been queued {@code commitDelay}, then commits (ADRs 0022, 0028).
 *       A batch runs in one transaction; if a task fails, it runs again with each task in its own
 *       SAVEPOINT, so that task fails alone.
 *       The queue is bounded; when it is full a write fails at once with
 *       {@link io.ieum.core.store.StorageBusyException} instead of piling up memory.</li>
 *   <li><b>Idempotent writes only</b>, as on Cassandra: inserts are {@code ON CONFLICT DO NOTHING}
 *       (the timeline reports STORED/DUPLICATE from the change count), read positions use an upsert
 *       that only raises them, contacts an upsert that replaces.</li>
 *   <li>Foreign keys are off: like Cassandra, nothing relies on them, and they would cost a lookup
 *       per write.</li>
 * </ul>
 *
 * <h2>Tables (created by {@link io.ieum.store.sqlite.Migrations}; one DAO each)</h2>
 * <p>UUIDs are 16-byte big-endian BLOBs: SQLite compares BLOBs with memcmp, which is the unsigned
 * order of the UUIDs, so ordering by ID is {@code MessageId.compareTo} (time order for UUIDv7).
 * Instants are INTEGER epoch milliseconds.
 * <ul>
 *   <li>{@code accounts} — PK {@code id}; {@code username} UNIQUE (case-folded by {@code Username}):
 *       the unique key is the linearizable username claim.</li>
 *   <li>{@code sessions} — PK {@code token_hash} (every authenticated request looks it up);
 *       index on ({@code user_id}, {@code created_at}) for a user's devices, oldest first.</li>
 *   <li>{@code contacts} — PK ({@code owner}, {@code other}): an owner's list is a key prefix.</li>
 *   <li>{@code rooms} — PK {@code id}, written once.</li>
 *   <li>{@code members} — PK ({@code room_id}, {@code user_id}) for a room's members; index on
 *       {@code user_id} for a user's rooms.</li>
 *   <li>{@code timeline} — PK ({@code room_id}, {@code bucket}, {@code id}) WITHOUT ROWID, the same
 *       key as the Cassandra partition (room, day bucket) + clustering (id). The bucket is a
 *       function of the ID, so one row-value range {@code (bucket, id) < (?, ?)} pages across
 *       buckets. Attachments are one TEXT column ({@link io.ieum.store.sqlite.AttachmentCodec}).</li>
 *   <li>{@code reads} — PK ({@code room_id}, {@code user_id}) → {@code position}.</li>
 *   <li>{@code blobs} — PK {@code sha256} → {@code size}; inserted only after the file is fsynced
 *       and renamed into place, so a row always names a complete file.</li>
 *   <li>{@code uploads} — PK ({@code sha256}, {@code user_id}); index on {@code user_id} for exports.</li>
 *   <li>{@code schema_version} — one row per applied migration step.</li>
 * </ul>
 */
package io.ieum.store.sqlite;
