// Running a shop: the inbox of customer conversations (unread counts), staff, the catalogue,
// the booking calendar's hours and staff, and announcements to every follower.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { shopApi } from '../shopApi.js';
import { on } from '../events.js';
import { field, errorText } from './forms.js';
import { splitNames } from './group.js';
import { preview } from './rooms.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export function render(root, { params }) {
  const channelId = params[0];
  const error = h('p', { class: 'error', role: 'alert' });
  const inbox = h('ul', { id: 'inbox', class: 'rooms', 'aria-label': t('manage.inbox') });
  const staff = h('ul', { id: 'staff', class: 'people', 'aria-label': t('manage.staff') });
  const items = h('ul', { id: 'items', class: 'people', 'aria-label': t('manage.catalogue') });
  const fail = (err) => { error.textContent = errorText(err); };
  root.append(h('div', { class: 'bar' }, h('a', { href: `#/channel/${channelId}`, class: 'back', 'aria-label': t('chat.back') }, '‹'),
    h('h1', {}, t('manage.title'))), error,
  h('h2', {}, t('manage.inbox')), inbox,
  h('h2', {}, t('manage.staff')), staff, staffForm(),
  h('h2', {}, t('manage.catalogue')), items, itemForm(),
  h('h2', {}, t('manage.calendar')), calendarForm(),
  h('h2', {}, t('manage.announce')), announceForm());

  async function load() {
    try {
      const [{ conversations }, { staff: people }, detail, calendar] = await Promise.all([shopApi.inbox(channelId),
        shopApi.staff(channelId), shopApi.channel(channelId), shopApi.calendar(channelId).catch(() => null)]);
      const zone = calendar ? calendar.zone : null; // booking notices in the shop's time (ADR 0013)
      clear(inbox);
      if (!conversations.length) inbox.append(h('li', { class: 'empty' }, t('manage.noConversations')));
      for (const c of conversations) {
        const unread = c.room.unread || 0;
        inbox.append(h('li', { class: 'room', 'data-room': c.room.id, 'data-unread': String(unread) }, h('a', { href: `#/room/${c.room.id}` },
          h('span', { class: 'room-main' }, h('span', { class: 'room-name' }, c.customer.displayName || c.customer.username),
            h('span', { class: 'preview' }, preview(c.room.latest, zone))),
          unread ? h('span', { class: 'badge', 'aria-label': t('rooms.unread', { n: unread }) }, String(unread)) : null)));
      }
      clear(staff);
      people.forEach((p) => staff.append(h('li', { class: 'person' }, h('span', { class: 'name' }, p.user.displayName || p.user.username),
        h('span', { class: 'status-message' }, t(`manage.role.${p.role}`)))));
      clear(items);
      detail.catalogue.forEach((i) => items.append(h('li', { class: 'person', 'data-item': i.id },
        h('span', { class: 'person-main' }, h('span', { class: 'name' }, i.name),
          h('span', { class: 'status-message' }, `${i.price.toLocaleString()}${t('orders.won')}${i.durationMinutes ? ` · ${i.durationMinutes}${t('bookings.minutes')}` : ''}${i.options.length ? ` · ${i.options.join(', ')}` : ''}`)),
        h('button', { type: 'button', class: 'toggle-available', onclick: () => shopApi.updateItem(channelId, i.id,
          { name: i.name, price: i.price, options: i.options, durationMinutes: i.durationMinutes, available: !i.available }).then(load, fail) },
        i.available ? t('manage.withdraw') : t('manage.offer')))));
    } catch (err) { fail(err); }
  }

  function staffForm() {
    const who = field('staff-username', t('friends.username'), { autocapitalize: 'none' });
    return h('form', { class: 'inline', onsubmit: (e) => {
      e.preventDefault();
      shopApi.addStaff(channelId, who.input.value.trim()).then(() => { who.input.value = ''; load(); }, fail);
    } }, who.label, h('button', { type: 'submit', id: 'add-staff' }, t('manage.addStaff')));
  }

  function itemForm() {
    const kind = h('select', { id: 'item-kind' }, h('option', { value: 'PRODUCT' }, t('manage.product')), h('option', { value: 'SERVICE' }, t('manage.service')));
    const name = field('item-name', t('manage.itemName'), { required: true });
    const price = field('item-price', t('manage.price'), { type: 'number', min: 0, required: true });
    const options = field('item-options', t('manage.options'));
    const minutes = field('item-minutes', t('manage.minutes'), { type: 'number', min: 1 });
    return h('form', { class: 'card', id: 'item-form', onsubmit: (e) => {
      e.preventDefault();
      const body = { kind: kind.value, name: name.input.value.trim(), price: Number(price.input.value) };
      if (kind.value === 'PRODUCT') body.options = options.input.value.split(',').map((s) => s.trim()).filter(Boolean);
      else body.durationMinutes = Number(minutes.input.value);
      shopApi.addItem(channelId, body).then(() => { name.input.value = ''; load(); }, fail);
    } }, h('label', { class: 'field' }, h('span', {}, t('manage.kind')), kind), name.label, price.label, options.label, minutes.label,
    h('button', { type: 'submit', id: 'add-item' }, t('manage.addItem')));
  }

  function calendarForm() {
    const zone = field('cal-zone', t('manage.zone'), { value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
    const slot = field('cal-slot', t('manage.slot'), { type: 'number', min: 5, value: 30 });
    const open = field('cal-open', t('manage.open'), { type: 'time', value: '09:00' });
    const close = field('cal-close', t('manage.close'), { type: 'time', value: '18:00' });
    const who = field('cal-staff', t('manage.bookable'), { autocapitalize: 'none' });
    const saved = h('p', { role: 'status', id: 'cal-saved' });
    return h('form', { class: 'card', id: 'calendar-form', onsubmit: (e) => {
      e.preventDefault();
      const hours = Object.fromEntries(DAYS.map((d) => [d, { open: open.input.value, close: close.input.value }]));
      shopApi.setCalendar(channelId, { zone: zone.input.value.trim(), slotMinutes: Number(slot.input.value), hours, staff: splitNames(who.input.value) })
        .then(() => { saved.textContent = t('profile.saved'); }, fail);
    } }, zone.label, slot.label, open.label, close.label, who.label, saved, h('button', { type: 'submit', id: 'save-calendar' }, t('profile.save')));
  }

  function announceForm() {
    const text = h('textarea', { id: 'announcement', rows: 2, 'aria-label': t('manage.announce'), maxlength: 2000 });
    const sent = h('p', { role: 'status' });
    return h('form', { class: 'card', onsubmit: (e) => {
      e.preventDefault();
      shopApi.announce(channelId, text.value.trim()).then(() => { text.value = ''; sent.textContent = t('manage.announced'); }, fail);
    } }, text, sent, h('button', { type: 'submit', id: 'send-announcement' }, t('manage.send')));
  }

  let timer = null;
  load();
  const stop = on('entries', () => { clearTimeout(timer); timer = setTimeout(load, 300); });
  return () => { clearTimeout(timer); stop(); };
}
