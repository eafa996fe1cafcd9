// Friends: add by username, start a direct chat, block and unblock.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { refreshDetails, scheduleRoomsRefresh } from '../data.js';
import { field, errorText } from './forms.js';

export function render(root) {
  const username = field('friend-username', t('friends.username'), { autocapitalize: 'none', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const list = h('ul', { id: 'friend-list', class: 'people' });
  const blocked = h('ul', { id: 'blocked-list', class: 'people' });
  root.append(h('h1', {}, t('friends.title')),
    h('form', { class: 'inline', onsubmit: async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        await api.addFriend(username.input.value.trim());
        username.input.value = '';
        await load();
      } catch (err) { error.textContent = errorText(err); }
    } }, username.label, h('button', { type: 'submit', id: 'add-friend', class: 'primary' }, t('friends.add'))),
    error, list, h('h2', {}, t('friends.blocked')), blocked);

  async function load() {
    try {
      const res = await api.friends();
      clear(list);
      if (!res.friends.length) list.append(h('li', { class: 'empty' }, t('friends.empty')));
      res.friends.forEach((u) => list.append(person(u, [
        h('button', { type: 'button', class: 'primary chat-with', onclick: () => chatWith(u) }, t('friends.chat')),
        h('button', { type: 'button', class: 'block', onclick: () => act(() => api.block(u.username)) }, t('friends.block'))])));
      clear(blocked);
      res.blocked.forEach((u) => blocked.append(person(u, [
        h('button', { type: 'button', class: 'unblock', onclick: () => act(() => api.unblock(u.username)) }, t('friends.unblock'))])));
    } catch (err) { error.textContent = errorText(err); }
  }

  async function act(call) {
    try { await call(); await load(); } catch (err) { error.textContent = errorText(err); }
  }

  async function chatWith(u) {
    try {
      const room = await api.direct(u.username);
      await refreshDetails(room.id);
      scheduleRoomsRefresh();
      location.hash = `#/room/${room.id}`;
    } catch (err) { error.textContent = errorText(err); }
  }

  load();
}

function person(u, buttons) {
  return h('li', { class: 'person', 'data-username': u.username },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, (u.displayName || u.username).slice(0, 1)),
    h('span', { class: 'person-main' }, h('span', { class: 'name' }, u.displayName || u.username),
      h('span', { class: 'status-message' }, u.statusMessage || `@${u.username}`)),
    h('span', { class: 'buttons' }, buttons));
}
