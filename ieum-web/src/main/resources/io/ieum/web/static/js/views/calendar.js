// The booking calendar: one day, a column per bookable staff member; confirm, reschedule, cancel.
// The day's bookings, the staff and the services are saved, so today's bookings stay readable with
// no site reachable; changes made then wait in the queue of shop changes like the board's.
// The day, its times and a new time typed in are the shop's, in the calendar's zone (shown).
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { NetworkError } from '../api.js';
import { shopApi } from '../shopApi.js';
import { kv } from '../store.js';
import { on } from '../events.js';
import { loadBookings, queueChange, pendingChanges, dismissChange } from '../shopData.js';
import { errorText } from './forms.js';
import { shortId, statusText, when } from './notices.js';
import { zoneLabel } from './channel.js';
import { browserZone, dateIn, dateTimeIn, instantAt, timeIn } from '../zoned.js';

export function render(root, { params }) {
  const channelId = params[0];
  const error = h('p', { class: 'error', role: 'alert' });
  const offline = h('p', { id: 'calendar-offline', class: 'offline-note', role: 'status', hidden: true }, t('calendar.offline'));
  const date = h('input', { type: 'date', id: 'calendar-date', value: params[1] || '', 'aria-label': t('bookings.date'), onchange: () => load() });
  const day = h('div', { id: 'day', class: 'board' });
  const zoneNote = h('p', { id: 'calendar-zone', class: 'muted' });
  root.append(h('div', { class: 'bar' }, h('a', { href: `#/channel/${channelId}`, class: 'back', 'aria-label': t('chat.back') }, '‹'),
    h('h1', {}, t('calendar.title')), date), zoneNote, offline, error, day);
  let setup = null;
  let bookings = [];
  let changes = [];

  async function load() {
    setup = await loadSetup(channelId).catch((err) => { error.textContent = errorText(err); return setup; });
    const zone = zoneOf(setup);
    zoneNote.textContent = t('calendar.zone', { zone });
    zoneNote.dataset.zone = zone;
    if (!date.value) date.value = dateIn(new Date().toISOString(), zone);
    const next = new Date(Date.parse(`${date.value}T00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const from = instantAt(date.value, '00:00', zone);
    const to = instantAt(next, '00:00', zone); // not always 24 hours later: daylight saving
    try {
      const loaded = await loadBookings(channelId, from, to);
      bookings = loaded.bookings;
      offline.hidden = !loaded.offline && !setup.offline;
    } catch (err) { error.textContent = errorText(err); }
    changes = await pendingChanges(channelId);
    draw();
  }

  function draw() {
    clear(day);
    if (!setup) return;
    const staffIds = [...new Set([...setup.calendar.staff, ...bookings.map((b) => b.staffId)])];
    for (const staffId of staffIds) {
      const list = bookings.filter((b) => b.staffId === staffId);
      day.append(h('section', { class: 'column', 'data-staff': staffId },
        h('h2', {}, `${nameOf(staffId)} (${list.length})`),
        h('ul', { class: 'cards' }, list.length ? list.map(card) : h('li', { class: 'empty' }, t('calendar.free')))));
    }
  }

  function nameOf(staffId) {
    return setup.names[staffId] || (setup.calendar.staffNames || {})[staffId] || shortId(staffId);
  }

  function card(b) {
    const zone = zoneOf(setup);
    const service = setup.services[b.serviceId];
    const mine = changes.filter((c) => c.targetId === b.id);
    const waiting = mine.find((c) => c.state === 'queued');
    const refused = mine.find((c) => c.state === 'refused');
    const reason = h('input', { type: 'text', class: 'reason', 'aria-label': t('orders.reason'), placeholder: t('orders.reason') });
    const newStart = h('input', { type: 'datetime-local', class: 'new-start', 'aria-label': `${t('calendar.newTime')} ${zoneLabel(zone)}`,
      value: dateTimeIn(b.start, zone) });
    const newStaff = h('select', { class: 'new-staff', 'aria-label': t('calendar.staff') },
      setup.calendar.staff.map((id) => h('option', { value: id, selected: id === b.staffId }, nameOf(id))));
    const act = (action, body) => queueChange({ kind: 'booking', channelId, target: b, action, body })
      .catch((err) => { error.textContent = errorText(err); });
    return h('li', { class: 'booking-card', 'data-booking': b.id, 'data-status': b.status, 'data-pending': waiting ? waiting.action : null,
      'data-refused': refused ? refused.action : null },
    h('div', { class: 'row' }, h('strong', { class: 'booking-time' }, `${timeIn(b.start, zone)}–${timeIn(b.end, zone)} ${zoneLabel(zone)}`),
      h('span', { class: 'status' }, statusText('booking', b.status))),
    h('p', {}, `${service ? service.name : ''} · ${t('calendar.customer', { id: shortId(b.customer) })}`),
    waiting ? h('p', { class: 'waiting', role: 'status' }, t('calendar.waiting')) : null,
    refused ? h('p', { class: 'refused', role: 'alert' }, t('calendar.refused', { why: refused.error }),
      h('button', { type: 'button', class: 'link dismiss', onclick: () => dismissChange(refused.key) }, t('board.dismiss'))) : null,
    waiting ? null : h('div', { class: 'moves' },
      b.status === 'BOOKED' ? h('button', { type: 'button', class: 'confirm', onclick: () => act('confirm', {}) }, t('calendar.confirm')) : null,
      reason, h('button', { type: 'button', class: 'cancel danger', onclick: () => act('cancel', { reason: reason.value.trim() || t('calendar.cancelledByShop') }) }, t('calendar.cancel')),
      newStart, newStaff, h('button', { type: 'button', class: 'reschedule', onclick: () => {
        if (!newStart.value) { error.textContent = t('calendar.pickTime'); return; }
        const [newDate, newTime] = newStart.value.split('T');
        act('reschedule', { start: instantAt(newDate, newTime, zone), staffId: newStaff.value });
      } }, t('calendar.reschedule'))));
  }

  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(load, 150); };
  load();
  const stops = [on('shop-changes', soon), on('ready', soon),
    on('entries', ({ entries }) => { if (entries.some((e) => e.kind === 'BOOKING_UPDATE')) soon(); })];
  return () => { clearTimeout(timer); stops.forEach((s) => s()); };
}

function zoneOf(setup) {
  return setup && setup.calendar && setup.calendar.zone ? setup.calendar.zone : browserZone();
}

/** The calendar, staff names and services of a shop: from a site (and saved), or as saved. */
async function loadSetup(channelId) {
  const key = `shop-setup:${channelId}`;
  try {
    const [calendar, { staff }, detail] = await Promise.all([shopApi.calendar(channelId), shopApi.staff(channelId), shopApi.channel(channelId)]);
    const names = Object.fromEntries(staff.map((s) => [s.user.id, s.user.displayName || s.user.username]));
    const services = Object.fromEntries(detail.catalogue.map((i) => [i.id, i]));
    const setup = { calendar, names, services };
    await kv.set(key, setup);
    return { ...setup, offline: false };
  } catch (e) {
    const saved = await kv.get(key);
    if (!(e instanceof NetworkError) || !saved) throw e;
    return { ...saved, offline: true };
  }
}
