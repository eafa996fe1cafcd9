// Log in and sign up (the same form; sign-up adds a display name).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { signedIn } from '../app.js';
import { field, errorText } from './forms.js';

export function render(root, { name }) {
  const signup = name === 'signup';
  const error = h('p', { class: 'error', role: 'alert', id: 'form-error' });
  const username = field('username', t('login.username'), { autocomplete: 'username', required: true, autocapitalize: 'none' });
  const displayName = signup ? field('displayName', t('signup.displayName'), { autocomplete: 'nickname' }) : null;
  const password = field('password', t('login.password'), {
    type: 'password', required: true, autocomplete: signup ? 'new-password' : 'current-password' });
  const submit = h('button', { type: 'submit', id: 'submit', class: 'primary' }, t(signup ? 'signup.submit' : 'login.submit'));
  const form = h('form', { class: 'card auth', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const user = username.input.value.trim();
      if (signup) await api.signUp(user, password.input.value, displayName.input.value.trim() || user);
      const device = (navigator.userAgentData && navigator.userAgentData.platform) || 'web';
      const res = await api.logIn(user, password.input.value, `web (${device})`);
      await signedIn(res.token, res.user);
    } catch (err) {
      error.textContent = errorText(err);
      submit.disabled = false;
    }
  } },
  h('h1', {}, t(signup ? 'signup.title' : 'login.title')),
  username.label, displayName && displayName.label, password.label, error, submit,
  h('a', { href: signup ? '#/login' : '#/signup', id: 'switch-form' }, t(signup ? 'signup.toLogin' : 'login.toSignup')));
  root.append(form);
  username.input.focus();
}
