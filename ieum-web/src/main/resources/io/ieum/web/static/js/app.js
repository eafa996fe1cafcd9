// Starts the app: language, session, sites, service worker; routes #/… to one view at a time.
import { h, clear } from './dom.js';
import { t, detect, setLanguage, language, LANGUAGES } from './i18n.js';
import { kv } from './store.js';
import * as session from './session.js';
import * as sites from './sites.js';
import * as socket from './socket.js';
import { loadCursor } from './data.js';
import { setOffset } from './uuid.js';
import { on } from './events.js';
import { statusBar } from './views/status.js';
import * as login from './views/login.js';
import * as rooms from './views/rooms.js';
import * as chat from './views/chat.js';
import * as friends from './views/friends.js';
import * as profile from './views/profile.js';
import * as group from './views/group.js';
import * as channels from './views/channels.js';
import * as channel from './views/channel.js';
import * as board from './views/board.js';
import * as calendar from './views/calendar.js';
import * as manage from './views/manage.js';
import './shopData.js'; // sends queued shop changes whenever a site answers

const routes = { login, signup: login, rooms, room: chat, friends, profile, group, channels, channel, board, calendar, manage };
const SHOP_VIEWS = new Set(['channels', 'channel', 'board', 'calendar', 'manage']);
const PUBLIC = new Set(['login', 'signup']);
let cleanup = () => {};

async function boot() {
  setLanguage(detect(await kv.get('lang')));
  setOffset(await kv.get('offset'));
  await sites.load();
  await loadCursor();
  const saved = await session.restore();
  if (saved) socket.start(saved.token);
  on('unauthenticated', async () => {
    socket.stop();
    await session.forget();
    location.hash = '#/login';
  });
  window.addEventListener('hashchange', render);
  render();
  registerServiceWorker();
}

export async function signedIn(token, user) {
  await session.save(token, user);
  socket.start(token);
  location.hash = '#/rooms';
}

export async function signedOut() {
  socket.stop();
  await session.forget();
  location.hash = '#/login';
}

export async function switchLanguage(lang) {
  setLanguage(lang);
  await kv.set('lang', lang);
  render();
}

function parseRoute() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name: routes[name] ? name : '', params: rest.map(decodeURIComponent) };
}

function render() {
  const parsed = parseRoute();
  let { name, params } = parsed;
  const signed = !!session.me();
  if (!signed && !PUBLIC.has(name)) name = 'login';
  if (signed && (PUBLIC.has(name) || !name)) name = 'rooms';
  if (name !== parsed.name) {
    params = [];
    history.replaceState(null, '', `#/${name}`);
  }
  cleanup();
  const root = document.getElementById('app');
  clear(root);
  const main = h('main', { id: 'view', class: `view view-${name}`, tabindex: '-1' });
  root.append(header(signed), main);
  if (signed) root.append(nav(name));
  cleanup = routes[name].render(main, { name, params }) || (() => {});
}

function header(signed) {
  const select = h('select', { id: 'lang', 'aria-label': t('lang.label'), onchange: (e) => switchLanguage(e.target.value) },
    LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, l === 'ko' ? '한국어' : 'English')));
  return h('header', { class: 'top' },
    h('span', { class: 'brand', lang: 'ko' }, '이음'),
    signed ? statusBar() : null,
    h('label', { class: 'lang' }, h('span', { class: 'sr-only' }, t('lang.label')), select));
}

function nav(active) {
  const item = (name, key, hash) => h('a', { href: hash, class: active === name ? 'active' : '', 'aria-current': active === name ? 'page' : null }, t(key));
  return h('nav', { class: 'bottom', 'aria-label': t('app.name') },
    item('rooms', 'nav.chats', '#/rooms'), item(SHOP_VIEWS.has(active) ? active : 'channels', 'nav.shops', '#/channels'),
    item('friends', 'nav.friends', '#/friends'), item('profile', 'nav.profile', '#/profile'));
}

function registerServiceWorker() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e) => console.warn('service worker', e));
  }
}

boot();
