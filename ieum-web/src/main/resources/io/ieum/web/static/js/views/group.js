// Create a group: a name and the usernames to add.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { refreshDetails, scheduleRoomsRefresh } from '../data.js';
import { field, errorText } from './forms.js';

export function render(root) {
  const name = field('group-name', t('group.name'), { required: true, maxlength: 100 });
  const members = field('group-members', t('group.members'), { autocapitalize: 'none' });
  const error = h('p', { class: 'error', role: 'alert' });
  root.append(h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const usernames = splitNames(members.input.value);
      const room = await api.createGroup(name.input.value.trim(), usernames);
      await refreshDetails(room.id);
      scheduleRoomsRefresh();
      location.hash = `#/room/${room.id}`;
    } catch (err) {
      error.textContent = errorText(err);
    }
  } }, h('h1', {}, t('group.title')), name.label, members.label, error,
  h('button', { type: 'submit', class: 'primary', id: 'create-group' }, t('group.create'))));
  name.input.focus();
}

export function splitNames(text) {
  return text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}
