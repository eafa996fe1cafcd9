// My profile: display name, status message, avatar; download my data; log out.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { me, updateUser } from '../session.js';
import { signedOut } from '../app.js';
import { field, errorText, saveBlob } from './forms.js';

export function render(root) {
  const user = me();
  const displayName = field('profile-name', t('profile.displayName'), { value: user.displayName || '', maxlength: 100 });
  const status = field('profile-status', t('profile.status'), { value: user.statusMessage || '', maxlength: 200 });
  const avatar = h('img', { class: 'avatar-large', id: 'avatar', alt: t('profile.avatar'), hidden: true });
  const avatarInput = field('profile-avatar', t('profile.avatar'), { type: 'file', accept: 'image/*' });
  const note = h('p', { class: 'note', role: 'status', id: 'profile-note' });
  const showAvatar = (u) => {
    if (!u.avatar) return;
    api.avatar(u.id).then((blob) => { avatar.src = URL.createObjectURL(blob); avatar.hidden = false; }, () => {});
  };
  root.append(h('h1', {}, t('profile.title')), avatar,
    h('form', { class: 'card', onsubmit: async (e) => {
      e.preventDefault();
      note.textContent = '';
      try {
        const fields = { displayName: displayName.input.value.trim(), statusMessage: status.input.value.trim() };
        const file = avatarInput.input.files[0];
        if (file) fields.avatar = (await api.upload(file, file.name)).sha256;
        const updated = await api.updateMe(fields);
        await updateUser(updated);
        showAvatar(updated);
        note.textContent = t('profile.saved');
      } catch (err) { note.textContent = errorText(err); }
    } }, displayName.label, status.label, avatarInput.label,
    h('button', { type: 'submit', class: 'primary', id: 'save-profile' }, t('profile.save')), note),
    h('div', { class: 'card' },
      h('button', { type: 'button', id: 'export', onclick: async () => {
        try { saveBlob(await api.exportData(), `ieum-${user.username}.zip`); } catch (err) { note.textContent = errorText(err); }
      } }, t('profile.export')),
      h('button', { type: 'button', id: 'logout', onclick: async () => {
        try { await api.logOut(); } catch { /* the session ends here either way */ }
        await signedOut();
      } }, t('profile.logout'))));
  showAvatar(user);
}
