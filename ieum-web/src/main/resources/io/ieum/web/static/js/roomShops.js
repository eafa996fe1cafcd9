// The shop a conversation room is with, and its calendar's zone, saved in IndexedDB (`kv`) like the
// other offline data (ADR 0011): the chat's header and booking notices, and the room list's preview
// of a booking notice, then show the shop and its time with no site reachable (ADR 0013).
import { kv } from './store.js';
import { shopApi } from './shopApi.js';

const key = (roomId) => `roomShop:${roomId}`;
const asked = new Map(); // roomId → one look-up per page life (a failed one may be asked again)
const found = new Map(); // roomId → what a site said, even if it could not be saved

/** The saved `{channel, zone}` of a room, or null; `zone` is null when the shop has no calendar. */
export function savedShop(roomId) {
  if (found.has(roomId)) return Promise.resolve(found.get(roomId));
  return kv.get(key(roomId)).then((saved) => saved || null, () => null);
}

/** Asks a site for the room's shop and its zone, saves them and returns them; rejects when no site answers. */
export function fetchShop(roomId) {
  if (!asked.has(roomId)) {
    asked.set(roomId, (async () => {
      const channel = await shopApi.ofRoom(roomId);
      const before = await savedShop(roomId);
      // A shop with no calendar has no zone; a calendar that could not be read keeps the saved one.
      const zone = await shopApi.calendar(channel.id).then((c) => c.zone,
        (e) => (e && e.status === 404 ? null : (before && before.zone) || null));
      const shop = { channel, zone };
      found.set(roomId, shop);
      await kv.set(key(roomId), shop).catch(() => {});
      return shop;
    })().catch((e) => { asked.delete(roomId); throw e; }));
  }
  return asked.get(roomId);
}
