// The room list: most recent activity first, unread badges, a preview of the last message.
import { h, clear, formatTime } from '../dom.js';
import { t, language } from '../i18n.js';
import { on } from '../events.js';
import { details } from '../store.js';
import { localRooms, roomTitle } from '../data.js';
import { noticeText } from './notices.js';
import { savedShop, fetchShop } from '../roomShops.js';

const NOTICES = new Set(['ORDER_UPDATE', 'BOOKING_UPDATE', 'ANNOUNCEMENT']);

export function render(root) {
  const list = h('ul', { id: 'room-list', class: 'rooms', 'aria-label': t('rooms.title') });
  root.append(
    h('div', { class: 'bar' }, h('h1', {}, t('rooms.title')),
      h('a', { href: '#/group', class: 'button', id: 'new-group' }, t('rooms.newGroup'))),
    list);
  let drawing = Promise.resolve();
  const draw = () => { drawing = drawing.then(() => fill(list, draw)).catch((e) => console.warn(e)); };
  draw();
  const stops = [on('rooms', draw), on('details', draw)];
  return () => stops.forEach((s) => s());
}

async function fill(list, draw) {
  const rooms = await localRooms();
  const known = new Map((await details.all()).map((d) => [d.id, d]));
  clear(list);
  if (!rooms.length) {
    list.append(h('li', { class: 'empty' }, t('rooms.empty')));
    return;
  }
  for (const room of rooms) {
    const title = roomTitle(room, known.get(room.id));
    const zone = await shopZone(room, draw);
    const badge = room.unread > 0
      ? h('span', { class: 'badge', 'aria-label': t('rooms.unread', { n: room.unread }) }, room.unread > 99 ? '99+' : String(room.unread))
      : null;
    list.append(h('li', { class: 'room', 'data-room': room.id, 'data-unread': String(room.unread || 0) },
      h('a', { href: `#/room/${room.id}` },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, title.slice(0, 1)),
        h('span', { class: 'room-main' },
          h('span', { class: 'room-name' }, title),
          h('span', { class: 'preview' }, preview(room.latest, zone))),
        h('span', { class: 'room-side' },
          h('time', { datetime: room.lastActivity }, formatTime(room.lastActivity, language())), badge))));
  }
}

/**
 * The shop's zone for a conversation whose newest entry is a booking notice, so its preview tells the
 * shop's time like the chat (ADR 0013): the saved one, else asked of a site once, then drawn again.
 */
async function shopZone(room, draw) {
  if (room.kind !== 'CHANNEL' || !room.latest || room.latest.kind !== 'BOOKING_UPDATE') return null;
  const saved = await savedShop(room.id);
  if (saved) return saved.zone;
  fetchShop(room.id).then(draw, () => { /* no site: the browser's time until one answers */ });
  return null;
}

export function preview(entry, zone = null) {
  if (!entry) return '';
  if (entry.deleted || entry.kind === 'DELETION') return t('rooms.deleted');
  if (NOTICES.has(entry.kind)) return noticeText(entry, zone);
  if (entry.kind !== 'MESSAGE') return t('rooms.event');
  if (entry.text) return entry.text;
  const first = (entry.attachments || [])[0];
  if (!first) return '';
  return String(first.contentType || '').startsWith('image/') ? t('rooms.photo') : t('rooms.file');
}
