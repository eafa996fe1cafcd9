// The local copy of rooms and entries: everything a site sends goes through ingest(), which stores
// it (de-duplicated by ID), moves the sync cursor and tells the views.
import { api } from './api.js';
import { kv, rooms, details, entries } from './store.js';
import { emit } from './events.js';
import { me } from './session.js';

let cursor = null;
let refreshTimer = null;
// While catching up, live entries may be newer than pages not yet fetched: the cursor moves past
// them only once the catch-up has finished, so an interrupted catch-up never leaves a gap.
let catchingUp = false;
let heldMax = null;

export async function loadCursor() {
  cursor = (await kv.get('cursor')) || null;
  return cursor;
}

async function advance(id) {
  if (!cursor || id > cursor) {
    cursor = id;
    await kv.set('cursor', cursor);
  }
}

/**
 * Stores entries from any source and announces them once stored. `live` entries (socket, sync) move
 * the sync cursor; history pages and send answers do not, as entries of other rooms may lie before them.
 */
export async function ingest(list, { live = true } = {}) {
  if (!list.length) return;
  const deletions = list.filter((e) => e.kind === 'DELETION' && e.target);
  const stored = [];
  for (const d of deletions) {
    const target = await entries.get(d.target);
    if (target && !target.deleted) stored.push({ ...target, deleted: true, text: null, attachments: [] });
  }
  await entries.putAll([...list, ...stored]);
  if (live) {
    const newest = list.map((e) => e.id).sort().pop();
    if (catchingUp) heldMax = !heldMax || newest > heldMax ? newest : heldMax;
    else await advance(newest);
  }
  emit('entries', { entries: list, deleted: deletions.map((d) => d.target) });
  const membershipChanged = list.filter((e) => e.kind.startsWith('MEMBER_'));
  for (const e of membershipChanged) if (e.kind !== 'MEMBER_JOINED' && e.target) await noteDeparture(e);
  for (const roomId of new Set(membershipChanged.map((e) => e.roomId))) refreshDetails(roomId).catch(() => {});
  scheduleRoomsRefresh();
}

// Members seen leaving or removed, by room: the server announces a departure before it applies it,
// so a room fetched right after the announcement may still list the member. A member whose
// joinedAt is before their departure is gone (one who joins again has a later joinedAt).
const departures = new Map();

async function noteDeparture(entry) {
  departures.set(`${entry.roomId} ${entry.target}`, Date.parse(entry.createdAt));
  const room = await details.get(entry.roomId);
  if (room && applyDepartures(room)) {
    await details.put(room);
    emit('details', room);
  }
}

/** Drops members known to have left; returns whether any was dropped. */
function applyDepartures(room) {
  const before = room.members.length;
  room.members = room.members.filter((m) => {
    const left = departures.get(`${room.id} ${m.user.id}`);
    return left === undefined || Date.parse(m.joinedAt) > left;
  });
  return room.members.length !== before;
}

// The newest read position seen per (room, member), kept in memory and applied to every room
// written to the store: a room fetched before a `read` frame arrived, or two frames handled at
// once, must never write an older position back over a newer one.
const newestRead = new Map();

function noteRead(roomId, userId, upTo) {
  const key = `${roomId} ${userId}`;
  const known = newestRead.get(key);
  if (!known || upTo > known) newestRead.set(key, upTo);
}

function applyNewestReads(room) {
  for (const m of room.members) {
    const newest = newestRead.get(`${room.id} ${m.user.id}`);
    if (newest && (!m.readUpTo || newest > m.readUpTo)) m.readUpTo = newest;
  }
}

/** A member's read position moved (live `read` frame, or my own read). */
export async function readMoved(roomId, userId, upTo) {
  noteRead(roomId, userId, upTo);
  const room = await details.get(roomId);
  if (room) {
    applyNewestReads(room);
    await details.put(room);
  }
  emit('read', { roomId, userId, upTo });
  const mine = me();
  if (mine && userId === mine.id) scheduleRoomsRefresh();
}

/** Catches up from the cursor: `since` once (with overlap), then `after` pages while hasMore. */
export async function catchUp() {
  catchingUp = true;
  heldMax = null;
  try {
    await catchUpPages();
    catchingUp = false;
    if (heldMax) await advance(heldMax);
  } finally {
    catchingUp = false;
  }
}

async function catchUpPages() {
  if (!cursor) {
    await refreshRooms();
    const list = await rooms.all();
    const newest = list.map((r) => r.latest && r.latest.id).filter(Boolean).sort().pop();
    if (newest) await advance(newest);
    if (!cursor) {
      let page = await api.sync(null, null);
      await ingest(page.entries);
      while (page.hasMore && page.cursor) {
        page = await api.sync(null, page.cursor);
        await ingest(page.entries);
      }
      if (page.cursor) await advance(page.cursor);
    }
    return;
  }
  let page = await api.sync(cursor, null);
  await ingest(page.entries);
  while (page.hasMore && page.cursor) {
    await advance(page.cursor);
    page = await api.sync(null, page.cursor);
    await ingest(page.entries);
  }
  if (page.cursor) await advance(page.cursor);
}

export function scheduleRoomsRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refreshRooms().catch(() => {}), 150);
}

export async function refreshRooms() {
  const { rooms: list } = await api.rooms();
  await rooms.replaceAll(list);
  emit('rooms', list);
  for (const r of list) {
    if (r.kind === 'DIRECT' && !(await details.get(r.id))) await refreshDetails(r.id).catch(() => {});
  }
  return list;
}

export async function refreshDetails(roomId) {
  const room = await api.room(roomId);
  // A read frame may have arrived while this was on its way: read positions only move forward.
  const known = await details.get(roomId);
  if (known) {
    for (const m of room.members) {
      const before = known.members.find((k) => k.user.id === m.user.id);
      if (before && before.readUpTo && (!m.readUpTo || before.readUpTo > m.readUpTo)) m.readUpTo = before.readUpTo;
    }
  }
  applyNewestReads(room);
  applyDepartures(room);
  await details.put(room);
  emit('details', room);
  return room;
}

/** Room list from the local copy, most recent activity first. */
export async function localRooms() {
  const list = await rooms.all();
  return list.sort((a, b) => String(b.lastActivity).localeCompare(String(a.lastActivity)));
}

/** A room's title: its name, or for a direct chat the other member's display name. */
export function roomTitle(summary, detail) {
  if (summary && summary.name) return summary.name;
  if (detail && detail.name) return detail.name;
  const mine = me();
  const other = detail && detail.members.find((m) => !mine || m.user.id !== mine.id);
  return other ? (other.user.displayName || other.user.username) : '…';
}
