// Shops: search channels by name, the ones I work for or follow, and opening a new one.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { shopApi } from '../shopApi.js';
import { field, errorText } from './forms.js';
import { shopPicture } from './shopPicture.js';

export function render(root) {
  const results = h('ul', { id: 'channel-results', class: 'people', 'aria-label': t('channels.results') });
  const mine = h('ul', { id: 'my-channels', class: 'people', 'aria-label': t('channels.mine') });
  const error = h('p', { class: 'error', role: 'alert' });
  const query = field('channel-query', t('channels.search'), { type: 'search', autocomplete: 'off' });
  const search = h('form', { class: 'inline', role: 'search', onsubmit: async (e) => {
    e.preventDefault();
    try {
      fill(results, (await shopApi.search(query.input.value.trim())).channels, t('channels.none'));
    } catch (err) { error.textContent = errorText(err); }
  } }, query.label, h('button', { type: 'submit', id: 'channel-search' }, t('channels.find')));
  root.append(h('div', { class: 'bar' }, h('h1', {}, t('channels.title'))), search, error, results,
    h('h2', {}, t('channels.mine')), mine, createForm());
  shopApi.mine().then((r) => fill(mine, r.channels, t('channels.noneMine'))).catch((err) => { error.textContent = errorText(err); });
}

function fill(list, channels, emptyText) {
  clear(list);
  if (!channels.length) list.append(h('li', { class: 'empty' }, emptyText));
  for (const c of channels) {
    list.append(h('li', { class: 'person', 'data-channel': c.id },
      shopPicture(c),
      h('a', { class: 'person-main', href: `#/channel/${c.id}` }, h('span', { class: 'name' }, c.name),
        h('span', { class: 'status-message' }, c.description || ''))));
  }
}

function createForm() {
  const name = field('new-channel-name', t('channel.name'), { required: true, maxlength: 100 });
  const description = field('new-channel-description', t('channel.description'));
  const hours = field('new-channel-hours', t('channel.hours'));
  const contact = field('new-channel-contact', t('channel.contact'));
  const picture = field('new-channel-picture', t('channel.picture'), { type: 'file', accept: 'image/*' });
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', { class: 'card', id: 'create-channel', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const file = picture.input.files[0];
      const uploaded = file ? await api.upload(file, file.name) : null;
      const detail = await shopApi.create({ name: name.input.value.trim(), description: description.input.value.trim(),
        openingHours: hours.input.value.trim(), contact: contact.input.value.trim(), picture: uploaded ? uploaded.sha256 : null });
      location.hash = `#/channel/${detail.channel.id}`;
    } catch (err) { error.textContent = errorText(err); }
  } }, h('h2', {}, t('channels.create')), name.label, description.label, hours.label, contact.label, picture.label, error,
  h('button', { type: 'submit', class: 'primary', id: 'create-channel-submit' }, t('channels.createSubmit')));
}
