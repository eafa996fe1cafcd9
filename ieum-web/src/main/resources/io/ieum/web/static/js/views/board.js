// The order board: one column per stage of the order flow, only the allowed moves offered, filter
// and search, CSV export. Readable offline from the saved copy; moves made offline wait in the
// queue of shop changes (with the version they were decided on) and show as waiting or refused.
// The site answers 200 orders a page: older ones come page by page ("load older"), and a search or
// filter also asks the site, so it reaches orders not loaded yet; every loaded page stays saved.
import { h, clear, formatTime } from '../dom.js';
import { t, language } from '../i18n.js';
import { shopApi } from '../shopApi.js';
import { on } from '../events.js';
import { loadOrders, queueChange, pendingChanges, dismissChange, NEXT, NEEDS_REASON } from '../shopData.js';
import { errorText, saveBlob } from './forms.js';
import { shortId, statusText, when } from './notices.js';

const COLUMNS = [['NEW'], ['ACCEPTED'], ['IN_PROGRESS'], ['READY', 'SHIPPED'], ['COMPLETED'], ['REJECTED', 'CANCELLED']];

export function render(root, { params }) {
  const channelId = params[0];
  const error = h('p', { class: 'error', role: 'alert' });
  const offline = h('p', { id: 'board-offline', class: 'offline-note', role: 'status', hidden: true }, t('board.offline'));
  const search = h('input', { type: 'search', id: 'board-search', 'aria-label': t('board.search'), placeholder: t('board.search'),
    oninput: () => { draw(); soon(); } });
  const filter = h('select', { id: 'board-filter', 'aria-label': t('board.filter'), onchange: () => { draw(); soon(); } },
    h('option', { value: '' }, t('board.all')), COLUMNS.map((c) => h('option', { value: c.join(',') }, c.map((s) => statusText('order', s)).join(' / '))));
  const columns = h('div', { id: 'board', class: 'board' });
  const count = h('p', { id: 'board-count', class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', id: 'board-more', hidden: true, onclick: () => loadOlder() }, t('board.more'));
  root.append(h('div', { class: 'bar' }, h('a', { href: `#/channel/${channelId}`, class: 'back', 'aria-label': t('chat.back') }, '‹'),
    h('h1', {}, t('board.title')), h('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, t('board.csv'))),
  h('div', { class: 'row' }, search, filter), offline, error, columns, h('div', { class: 'row' }, more, count));

  let orders = [];
  let changes = [];
  // Where older orders of the current site query continue (`next`), and how many pages deep it is.
  let cursor = { query: null, next: null, pages: 0 };

  function serverQuery() {
    const q = search.value.trim();
    return `${filter.value ? `&status=${encodeURIComponent(filter.value)}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  }

  async function load() {
    const query = serverQuery();
    try {
      const loaded = await loadOrders(channelId, { query });
      orders = loaded.orders;
      offline.hidden = !loaded.offline;
      // A refresh of the newest page keeps the place reached by "load older" for the same query.
      if (!loaded.offline && (cursor.query !== query || cursor.pages <= 1)) cursor = { query, next: loaded.next, pages: 1 };
      error.textContent = '';
    } catch (err) { error.textContent = errorText(err); }
    changes = await pendingChanges(channelId);
    draw();
  }

  async function loadOlder() {
    const { query, next } = cursor;
    if (!next) return;
    more.disabled = true;
    try {
      const loaded = await loadOrders(channelId, { query, before: next });
      orders = loaded.orders;
      offline.hidden = !loaded.offline;
      if (!loaded.offline && cursor.query === query) cursor = { query, next: loaded.next, pages: cursor.pages + 1 };
    } catch (err) { error.textContent = errorText(err); }
    more.disabled = false;
    draw();
  }

  function visible(o) {
    const q = search.value.trim().toLowerCase();
    const text = [o.id, o.customer, o.note, o.address, ...o.items.map((i) => i.name)].join(' ').toLowerCase();
    return (!filter.value || filter.value.split(',').includes(o.status)) && (!q || text.includes(q));
  }

  function draw() {
    clear(columns);
    more.hidden = !cursor.next || !offline.hidden || cursor.query !== serverQuery();
    count.textContent = t('board.loaded', { n: orders.length });
    count.dataset.count = String(orders.length);
    for (const statuses of COLUMNS) {
      const list = orders.filter((o) => statuses.includes(o.status) && visible(o));
      if (filter.value && filter.value !== statuses.join(',')) continue;
      columns.append(h('section', { class: 'column', 'data-column': statuses.join(','), 'aria-label': statuses.map((s) => statusText('order', s)).join(' / ') },
        h('h2', {}, `${statuses.map((s) => statusText('order', s)).join(' / ')} (${list.length})`),
        h('ul', { class: 'cards' }, list.map(card))));
    }
  }

  function card(o) {
    const mine = changes.filter((c) => c.targetId === o.id);
    const waiting = mine.find((c) => c.state === 'queued');
    const refused = mine.find((c) => c.state === 'refused');
    const reason = h('input', { type: 'text', class: 'reason', 'aria-label': t('orders.reason'), placeholder: t('orders.reason') });
    const moves = waiting ? [] : NEXT[o.status];
    return h('li', { class: 'order-card', 'data-order': o.id, 'data-status': o.status,
      'data-pending': waiting ? waiting.body.status : null, 'data-refused': refused ? refused.body.status : null },
    h('div', { class: 'row' }, h('strong', {}, t('orders.number', { id: shortId(o.id) })),
      h('span', { class: 'status' }, statusText('order', o.status)), h('time', { datetime: o.createdAt }, formatTime(o.createdAt, language()))),
    h('p', { class: 'items' }, o.items.map((i) => `${i.name} × ${i.quantity}${i.options.length ? ` (${i.options.join(', ')})` : ''}`).join(', ')),
    h('p', { class: 'muted' }, [t('orders.total', { total: o.total.toLocaleString() }), t(`orders.${o.fulfilment === 'DELIVERY' ? 'delivery' : 'pickup'}`),
      o.address, o.requestedAt ? when(o.requestedAt) : null].filter(Boolean).join(' · ')),
    o.note ? h('p', { class: 'note' }, o.note) : null,
    o.reason ? h('p', { class: 'muted' }, o.reason) : null,
    waiting ? h('p', { class: 'waiting', role: 'status' }, t('board.waiting', { status: statusText('order', waiting.body.status) })) : null,
    refused ? h('p', { class: 'refused', role: 'alert' }, t('board.refused', { status: statusText('order', refused.body.status), why: refused.error }),
      h('button', { type: 'button', class: 'link dismiss', onclick: () => dismissChange(refused.key) }, t('board.dismiss'))) : null,
    moves.some((s) => NEEDS_REASON.has(s)) ? reason : null,
    h('div', { class: 'moves' }, moves.map((to) => h('button', { type: 'button', class: `move${NEEDS_REASON.has(to) ? ' danger' : ''}`, 'data-to': to,
      onclick: () => move(o, to, reason.value.trim()) }, t(`board.to.${to}`)))));
  }

  async function move(order, status, reason) {
    if (NEEDS_REASON.has(status) && !reason) { error.textContent = t('board.needReason'); return; }
    try {
      await queueChange({ kind: 'order', channelId, target: order, body: NEEDS_REASON.has(status) ? { status, reason } : { status } });
    } catch (err) { error.textContent = errorText(err); }
  }

  async function exportCsv() {
    const status = filter.value ? `&status=${encodeURIComponent(filter.value)}` : '';
    const q = search.value.trim() ? `&q=${encodeURIComponent(search.value.trim())}` : '';
    try {
      saveBlob(await shopApi.ordersCsv(channelId, status + q), `orders-${channelId}.csv`);
    } catch (err) { error.textContent = errorText(err); }
  }

  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(load, 150); };
  load();
  const stops = [on('shop-changes', soon), on('ready', soon),
    on('entries', ({ entries }) => { if (entries.some((e) => e.kind === 'ORDER_UPDATE')) soon(); })];
  return () => { clearTimeout(timer); stops.forEach((s) => s()); };
}
