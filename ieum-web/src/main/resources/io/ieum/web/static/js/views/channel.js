// One shop as a customer sees it: follow, chat, the catalogue with an order form, free booking
// slots, and my orders and bookings here with their status changing live. Staff also get links to
// the order board, the booking calendar and the shop's management page.
import { h, clear } from '../dom.js';
import { t, language } from '../i18n.js';
import { NetworkError } from '../api.js';
import { shopApi } from '../shopApi.js';
import { on } from '../events.js';
import { uuidv7 } from '../uuid.js';
import { errorText } from './forms.js';
import { shortId, statusText } from './notices.js';
import { orderForm } from './orderForm.js';
import { shopPicture } from './shopPicture.js';
import { dateIn, timeIn, whenIn, browserZone } from '../zoned.js';

const NOTICES = new Set(['ORDER_UPDATE', 'BOOKING_UPDATE']);

export function render(root, { params }) {
  const channelId = params[0];
  const error = h('p', { class: 'error', role: 'alert' });
  const top = h('div', { class: 'channel-head' });
  const body = h('div', { class: 'channel-body' });
  root.append(top, error, body);
  let detail = null;
  let calendar = null; // times are shown in its zone; null when the shop takes no bookings

  const myOrders = h('ul', { id: 'my-orders', class: 'cards', 'aria-label': t('orders.mine') });
  const myBookings = h('ul', { id: 'my-bookings', class: 'cards', 'aria-label': t('bookings.mine') });

  async function load() {
    try {
      detail = await shopApi.channel(channelId);
      calendar = await shopApi.calendar(channelId).catch(() => null);
    } catch (err) { error.textContent = errorText(err); return; }
    drawHead();
    clear(body);
    body.append(orderForm(channelId, detail.catalogue.filter((i) => i.kind === 'PRODUCT'), refreshMine),
      h('h2', {}, t('orders.mine')), myOrders,
      bookingForm(channelId, detail.catalogue.filter((i) => i.kind === 'SERVICE'), calendar, refreshMine),
      h('h2', {}, t('bookings.mine')), myBookings);
    refreshMine();
  }

  function drawHead() {
    const c = detail.channel;
    clear(top);
    top.append(h('div', { class: 'bar' }, shopPicture(c, 'avatar-large', 'channel-picture'), h('h1', { id: 'channel-name' }, c.name),
      h('button', { type: 'button', id: 'follow', 'aria-pressed': String(detail.following), onclick: toggleFollow },
        detail.following ? t('channel.unfollow') : t('channel.follow')),
      h('button', { type: 'button', id: 'channel-chat', class: 'primary', onclick: openChat }, t('channel.chat'))),
    h('p', { class: 'muted' }, c.description || ''),
    h('p', { class: 'muted' }, [c.openingHours, c.contact].filter(Boolean).join(' · ')));
    if (detail.role) {
      top.append(h('nav', { class: 'shop-links', 'aria-label': t('channel.staffLinks') },
        h('a', { class: 'button', id: 'to-board', href: `#/board/${channelId}` }, t('board.title')),
        h('a', { class: 'button', id: 'to-calendar', href: `#/calendar/${channelId}` }, t('calendar.title')),
        h('a', { class: 'button', id: 'to-manage', href: `#/manage/${channelId}` }, t('manage.title'))));
    }
  }

  async function toggleFollow() {
    try {
      await shopApi.follow(channelId, !detail.following);
      detail.following = !detail.following;
      drawHead();
    } catch (err) { error.textContent = errorText(err); }
  }

  async function openChat() {
    try {
      const room = await shopApi.conversation(channelId);
      location.hash = `#/room/${room.id}`;
    } catch (err) { error.textContent = errorText(err); }
  }

  async function refreshMine() {
    try {
      const [{ orders }, { bookings }] = await Promise.all([shopApi.myOrders(), shopApi.myBookings()]);
      drawOrders(orders.filter((o) => o.channelId === channelId));
      drawBookings(bookings.filter((b) => b.channelId === channelId));
    } catch (err) { if (!(err instanceof NetworkError)) error.textContent = errorText(err); }
  }

  function drawOrders(list) {
    clear(myOrders);
    if (!list.length) myOrders.append(h('li', { class: 'empty' }, t('orders.none')));
    for (const o of list) {
      const reason = h('input', { type: 'text', class: 'reason', 'aria-label': t('orders.reason'), placeholder: t('orders.reason') });
      myOrders.append(h('li', { class: 'card-item', 'data-order': o.id, 'data-status': o.status },
        h('strong', {}, t('orders.number', { id: shortId(o.id) })), ' ',
        h('span', { class: 'status' }, statusText('order', o.status)),
        h('p', {}, o.items.map((i) => `${i.name} × ${i.quantity}${i.options.length ? ` (${i.options.join(', ')})` : ''}`).join(', '),
          ` — ${t('orders.total', { total: o.total.toLocaleString() })}`),
        o.reason ? h('p', { class: 'muted' }, o.reason) : null,
        o.status === 'NEW' ? h('div', { class: 'row' }, reason, h('button', { type: 'button', class: 'cancel-order', onclick: async () => {
          try {
            await shopApi.change(`/api/channels/${channelId}/orders/${o.id}/status`,
              { status: 'CANCELLED', reason: reason.value.trim() || t('orders.cancelledByMe'), version: o.version });
            refreshMine();
          } catch (err) { error.textContent = errorText(err); }
        } }, t('orders.cancel'))) : null));
    }
  }

  function drawBookings(list) {
    clear(myBookings);
    if (!list.length) myBookings.append(h('li', { class: 'empty' }, t('bookings.none')));
    for (const b of list) {
      const service = detail.catalogue.find((i) => i.id === b.serviceId);
      const zone = calendar ? calendar.zone : browserZone();
      const staffName = calendar && calendar.staffNames ? calendar.staffNames[b.staffId] : null;
      myBookings.append(h('li', { class: 'card-item', 'data-booking': b.id, 'data-status': b.status },
        h('strong', { class: 'booking-when' }, [service ? service.name : '', `${whenIn(b.start, zone)} ${zoneLabel(zone)}`, staffName]
          .filter(Boolean).join(' · ')), ' ',
        h('span', { class: 'status' }, statusText('booking', b.status)),
        b.status !== 'CANCELLED' ? h('button', { type: 'button', class: 'cancel-booking', onclick: async () => {
          try {
            await shopApi.change(`/api/channels/${channelId}/bookings/${b.id}/cancel`, { reason: t('bookings.cancelledByMe'), version: b.version });
            refreshMine();
          } catch (err) { error.textContent = errorText(err); }
        } }, t('bookings.cancel')) : null));
    }
  }

  load();
  // The server posts every change of my orders and bookings into my chat with the shop: redraw.
  return on('entries', ({ entries }) => { if (entries.some((e) => NOTICES.has(e.kind))) refreshMine(); });
}

function bookingForm(channelId, services, calendar, booked) {
  if (!services.length) return h('p', { class: 'muted' }, t('bookings.noServices'));
  // Slots are the shop's: its day, its clock, labelled with its zone (and the browser's time beside when they differ).
  const zone = calendar ? calendar.zone : browserZone();
  const service = h('select', { id: 'booking-service' }, services.map((s) =>
    h('option', { value: s.id }, `${s.name} · ${s.durationMinutes}${t('bookings.minutes')} · ${s.price.toLocaleString()}${t('orders.won')}`)));
  const date = h('input', { type: 'date', id: 'booking-date', value: dateIn(new Date(Date.now() + 86_400_000).toISOString(), zone) });
  const zoneNote = h('p', { id: 'booking-zone', class: 'muted', 'data-zone': zone }, t('bookings.zone', { zone }));
  const slots = h('ul', { id: 'slots', class: 'slots', 'aria-label': t('bookings.slots') });
  const result = h('p', { id: 'booking-result', role: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  async function find() {
    error.textContent = '';
    try {
      const list = (await shopApi.slots(channelId, service.value, date.value)).slots;
      clear(slots);
      if (!list.length) slots.append(h('li', { class: 'empty' }, t('bookings.noSlots')));
      for (const s of list) {
        slots.append(h('li', {}, h('button', { type: 'button', class: 'slot', 'data-start': s.start, 'data-staff': s.staffId,
          onclick: () => book(s) }, slotText(s, zone))));
      }
    } catch (err) { error.textContent = errorText(err); }
  }
  async function book(slot) {
    const id = uuidv7();
    try {
      // A retry after no answer keeps the ID: the server books it once.
      const res = await retryOnce(() => shopApi.book(channelId, { id, serviceId: service.value, staffId: slot.staffId, start: slot.start }));
      result.textContent = t('bookings.booked', { when: `${whenIn(res.booking.start, zone)} ${zoneLabel(zone)}` });
      booked();
      find();
    } catch (err) { error.textContent = errorText(err); }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'booking-title' }, h('h2', { id: 'booking-title' }, t('bookings.title')),
    h('label', { class: 'field' }, h('span', {}, t('bookings.service')), service),
    h('label', { class: 'field' }, h('span', {}, t('bookings.date')), date), zoneNote,
    h('button', { type: 'button', id: 'find-slots', onclick: find }, t('bookings.find')), slots, result, error);
}

/** "10:00 · Joon" in the shop's zone, with the browser's own time added when its zone differs. */
function slotText(slot, zone) {
  const here = browserZone();
  // The other day (the evening before, say) is named, or "19:00" would read as the same day.
  const otherDay = dateIn(slot.start, here) !== dateIn(slot.start, zone)
    ? `${new Date(slot.start).toLocaleDateString(language(), { timeZone: here, month: 'short', day: 'numeric' })} ` : '';
  const mine = here === zone ? '' : ` (${t('bookings.yourTime', { time: otherDay + timeIn(slot.start, here) })})`;
  return `${timeIn(slot.start, zone)}${mine} · ${slot.staffName || t('bookings.staff')}`;
}

export function zoneLabel(zone) {
  return `(${zone})`;
}

export async function retryOnce(call) {
  try {
    return await call();
  } catch (e) {
    if (e instanceof NetworkError) return call();
    throw e;
  }
}
