// A shop's orders and bookings kept in IndexedDB, so the board and today's bookings stay readable
// with no site reachable, and the shop's changes queued while offline. Each queued change carries
// the version it was decided on: a site applies it only to that version, so a change made on a
// stale board is refused (state_changed / invalid_transition) instead of overriding what moved on.
import { ApiError, NetworkError } from './api.js';
import { shopApi, changePath } from './shopApi.js';
import { orders as orderStore, bookings as bookingStore, changes } from './store.js';
import { emit, on } from './events.js';
import { uuidv7 } from './uuid.js';

/** Allowed order moves (mirrors OrderStatus.next() on the server); rejecting and cancelling need a reason. */
export const NEXT = {
  NEW: ['ACCEPTED', 'REJECTED', 'CANCELLED'],
  ACCEPTED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['READY', 'SHIPPED', 'CANCELLED'],
  READY: ['COMPLETED'],
  SHIPPED: ['COMPLETED'],
  COMPLETED: [],
  REJECTED: [],
  CANCELLED: [],
};
export const NEEDS_REASON = new Set(['REJECTED', 'CANCELLED']);

/**
 * One page of the channel's orders from a site (newest first, `query` = `&status=…&q=…`, older than
 * `before`), added to the saved copy; answers every saved order of the channel — pages loaded
 * earlier included, so the board offline shows all it ever loaded — and the site's `next` cursor
 * (null when none is left). With no site: the saved copy and `offline: true`.
 */
export async function loadOrders(channelId, { query = '', before = null } = {}) {
  try {
    const { orders, next } = await shopApi.orders(channelId, query, before);
    await orderStore.putAll(orders);
    return { orders: await savedOrders(channelId), offline: false, next: next || null };
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return { orders: await savedOrders(channelId), offline: true, next: null };
  }
}

async function savedOrders(channelId) {
  return (await orderStore.ofChannel(channelId)).sort((a, b) => b.id.localeCompare(a.id));
}

/** Bookings holding slots from `from` to `to` (ISO instants), from a site or the saved copy. */
export async function loadBookings(channelId, from, to) {
  const saved = async () => (await bookingStore.ofChannel(channelId))
    .filter((b) => b.start >= from && b.start < to && b.status !== 'CANCELLED')
    .sort((a, b) => a.start.localeCompare(b.start));
  try {
    const { bookings } = await shopApi.bookings(channelId, from, to);
    const known = await saved(); // cancelled elsewhere: no longer listed, so mark them gone
    const listed = new Set(bookings.map((b) => b.id));
    await bookingStore.putAll([...bookings, ...known.filter((b) => !listed.has(b.id)).map((b) => ({ ...b, status: 'CANCELLED' }))]);
    return { bookings: await saved(), offline: false };
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return { bookings: await saved(), offline: true };
  }
}

/**
 * Queues a change of an order or booking with the version it was decided on and tries to send it.
 * `kind` is 'order' (body {status, reason}) or 'booking' (action confirm | cancel | reschedule).
 */
export async function queueChange({ kind, channelId, target, action = 'status', body }) {
  const change = { key: uuidv7(), kind, channelId, targetId: target.id, action,
    body: { ...body, version: target.version }, state: 'queued', queuedAt: Date.now() };
  await changes.put(change);
  emit('shop-changes', change);
  await flushChanges();
  return change;
}

export async function pendingChanges(channelId) {
  return (await changes.all()).filter((c) => c.channelId === channelId).sort((a, b) => a.key.localeCompare(b.key));
}

export async function dismissChange(key) {
  await changes.remove(key);
  emit('shop-changes', { key });
}

let flushing = null;

/** Sends queued changes oldest first; stops at the first that no site answers. */
export function flushChanges() {
  if (!flushing) flushing = flushOnce().finally(() => { flushing = null; });
  return flushing;
}

async function flushOnce() {
  const queued = (await changes.all()).filter((c) => c.state === 'queued').sort((a, b) => a.key.localeCompare(b.key));
  for (const change of queued) {
    try {
      const result = await shopApi.change(changePath(change), change.body);
      await (change.kind === 'order' ? orderStore : bookingStore).putAll([result]);
      await changes.remove(change.key);
      emit('shop-changes', { key: change.key, applied: result });
    } catch (e) {
      if (!(e instanceof ApiError) || !e.permanent) return; // no site answered: keep it for later
      // Refused for good (the order moved on, or the move is not allowed): shown until dismissed.
      await changes.put({ ...change, state: 'refused', error: e.message, code: e.code });
      emit('shop-changes', { key: change.key, refused: e.code });
    }
  }
}

// A site answered again (socket ready): send what waited.
on('ready', () => { flushChanges().catch((e) => console.warn('shop changes', e)); });
