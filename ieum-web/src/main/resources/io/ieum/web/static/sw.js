// Service worker: keeps the app shell so the app opens with no site reachable. Shell files are
// fetched from the network first (always the newest when a server answers) and from the cache when
// none does. API, WebSocket and operations paths are never cached: the app keeps data in IndexedDB.
const CACHE = 'ieum-shell-v4';
const SHELL = [
  '/',
  '/index.html',
  '/app.css',
  '/manifest.webmanifest',
  '/icon.svg',
  '/js/api.js',
  '/js/app.js',
  '/js/data.js',
  '/js/dom.js',
  '/js/events.js',
  '/js/i18n.js',
  '/js/i18n/en.js',
  '/js/i18n/ko.js',
  '/js/outbox.js',
  '/js/roomShops.js',
  '/js/shopApi.js',
  '/js/shopData.js',
  '/js/session.js',
  '/js/sites.js',
  '/js/socket.js',
  '/js/store.js',
  '/js/uuid.js',
  '/js/zoned.js',
  '/js/views/attachments.js',
  '/js/views/board.js',
  '/js/views/calendar.js',
  '/js/views/channel.js',
  '/js/views/channels.js',
  '/js/views/chat.js',
  '/js/views/forms.js',
  '/js/views/friends.js',
  '/js/views/group.js',
  '/js/views/login.js',
  '/js/views/manage.js',
  '/js/views/notices.js',
  '/js/views/orderForm.js',
  '/js/views/profile.js',
  '/js/views/rooms.js',
  '/js/views/shopPicture.js',
  '/js/views/status.js',
];
const NOT_SHELL = /^\/(api|ws|health|metrics)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || NOT_SHELL.test(url.pathname)) return;
  event.respondWith(fromNetworkElseCache(request, url));
});

async function fromNetworkElseCache(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) await cache.put(url.pathname, response.clone());
    return response;
  } catch (e) {
    const cached = (await cache.match(url.pathname)) || (request.mode === 'navigate' ? await cache.match('/index.html') : null);
    if (cached) return cached;
    throw e;
  }
}
