// The customer's order form: quantities and options per product, requested time, pickup or
// delivery (with address), note. The order ID is made once per order, so a resend never doubles it.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { NetworkError } from '../api.js';
import { shopApi } from '../shopApi.js';
import { uuidv7 } from '../uuid.js';
import { errorText } from './forms.js';

export function orderForm(channelId, products, placed) {
  if (!products.length) return h('p', { class: 'muted' }, t('orders.noProducts'));
  const rows = products.map((p) => {
    const qty = h('input', { type: 'number', id: `qty-${p.id}`, min: 0, max: 99, value: 0, class: 'qty', 'aria-label': t('orders.quantityOf', { name: p.name }) });
    const options = p.options.map((o, i) => h('label', { class: 'option' },
      h('input', { type: 'checkbox', value: o, id: `opt-${p.id}-${i}` }), ' ', o));
    return { p, qty, options, el: h('li', { class: 'product', 'data-item': p.id },
      h('span', { class: 'name' }, `${p.name} · ${p.price.toLocaleString()}${t('orders.won')}`), qty, h('div', { class: 'options' }, options)) };
  });
  const whenInput = h('input', { type: 'datetime-local', id: 'order-when' });
  const fulfilment = h('select', { id: 'order-fulfilment' },
    h('option', { value: 'PICKUP' }, t('orders.pickup')), h('option', { value: 'DELIVERY' }, t('orders.delivery')));
  const address = h('input', { type: 'text', id: 'order-address', maxlength: 500 });
  const note = h('textarea', { id: 'order-note', rows: 2, maxlength: 1000 });
  const error = h('p', { class: 'error', role: 'alert' });
  const result = h('p', { id: 'order-result', role: 'status' });
  let pendingId = null; // kept until a site answers, so a resend is the same order
  const form = h('form', { class: 'card', id: 'order-form', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    const items = rows.filter((r) => Number(r.qty.value) > 0).map((r) => ({
      itemId: r.p.id, quantity: Number(r.qty.value),
      options: r.options.map((o) => o.querySelector('input')).filter((i) => i.checked).map((i) => i.value) }));
    if (!items.length) { error.textContent = t('orders.pickSomething'); return; }
    pendingId = pendingId || uuidv7();
    try {
      const res = await shopApi.order(channelId, { id: pendingId, items,
        requestedAt: whenInput.value ? new Date(whenInput.value).toISOString() : null, fulfilment: fulfilment.value,
        address: address.value.trim() || null, note: note.value.trim() || null });
      pendingId = null;
      result.textContent = t('orders.placed', { id: res.order.id.slice(-6) });
      rows.forEach((r) => { r.qty.value = 0; r.options.forEach((o) => { o.querySelector('input').checked = false; }); });
      placed(res.order);
    } catch (err) {
      if (!(err instanceof NetworkError)) pendingId = null; // refused: nothing stored under this ID
      error.textContent = errorText(err);
    }
  } }, h('h2', {}, t('orders.title')), h('ul', { class: 'products', 'aria-label': t('orders.catalogue') }, rows.map((r) => r.el)),
  h('label', { class: 'field' }, h('span', {}, t('orders.when')), whenInput),
  h('label', { class: 'field' }, h('span', {}, t('orders.fulfilment')), fulfilment),
  h('label', { class: 'field' }, h('span', {}, t('orders.address')), address),
  h('label', { class: 'field' }, h('span', {}, t('orders.note')), note), error, result,
  h('button', { type: 'submit', class: 'primary', id: 'place-order' }, t('orders.place')));
  return form;
}
