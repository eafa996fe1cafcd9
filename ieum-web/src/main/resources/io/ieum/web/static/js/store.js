// IndexedDB: what the app needs when no site answers — the session, the room list, room members,
// recent messages, the photos shown in them, a shop's orders and bookings — and the outboxes of
// messages and shop changes not yet acknowledged.
const DB_NAME = 'ieum';
const STORES = ['kv', 'rooms', 'details', 'entries', 'outbox', 'blobs', 'orders', 'bookings', 'changes'];
let dbPromise = null;

function open() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 3);
      req.onupgradeneeded = (event) => {
        const db = req.result;
        if (event.oldVersion < 1) {
          db.createObjectStore('kv');
          db.createObjectStore('rooms', { keyPath: 'id' });
          db.createObjectStore('details', { keyPath: 'id' });
          const entries = db.createObjectStore('entries', { keyPath: 'id' });
          entries.createIndex('room', ['roomId', 'id']);
          db.createObjectStore('outbox', { keyPath: 'id' });
        }
        if (event.oldVersion < 2) db.createObjectStore('blobs'); // version 2: photos, keyed by SHA-256
        if (event.oldVersion < 3) { // version 3: shop orders and bookings, shop changes made offline
          db.createObjectStore('orders', { keyPath: 'id' }).createIndex('channel', 'channelId');
          db.createObjectStore('bookings', { keyPath: 'id' }).createIndex('channel', 'channelId');
          db.createObjectStore('changes', { keyPath: 'key' });
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx(store, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    let result;
    Promise.resolve(work(t.objectStore(store))).then((r) => { result = r; }, reject);
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

export const kv = {
  get: (key) => tx('kv', 'readonly', (s) => done(s.get(key))),
  set: (key, value) => tx('kv', 'readwrite', (s) => { s.put(value, key); }),
  remove: (key) => tx('kv', 'readwrite', (s) => { s.delete(key); }),
};

export const rooms = {
  all: () => tx('rooms', 'readonly', (s) => done(s.getAll())),
  get: (id) => tx('rooms', 'readonly', (s) => done(s.get(id))),
  /** Replaces the whole list with what a site returned. */
  replaceAll: (list) => tx('rooms', 'readwrite', (s) => { s.clear(); list.forEach((r) => s.put(r)); }),
  put: (room) => tx('rooms', 'readwrite', (s) => { s.put(room); }),
  remove: (id) => tx('rooms', 'readwrite', (s) => { s.delete(id); }),
};

export const details = {
  get: (id) => tx('details', 'readonly', (s) => done(s.get(id))),
  all: () => tx('details', 'readonly', (s) => done(s.getAll())),
  put: (room) => tx('details', 'readwrite', (s) => { s.put(room); }),
  remove: (id) => tx('details', 'readwrite', (s) => { s.delete(id); }),
};

export const entries = {
  putAll: (list) => tx('entries', 'readwrite', (s) => { list.forEach((e) => s.put(e)); }),
  get: (id) => tx('entries', 'readonly', (s) => done(s.get(id))),
  /** The newest `limit` entries of a room older than `beforeId` (or the newest), oldest first. */
  recent: (roomId, limit = 50, beforeId = null) => tx('entries', 'readonly', (s) => new Promise((resolve, reject) => {
    const upper = beforeId ? [roomId, beforeId] : [roomId, '\uffff'];
    const range = IDBKeyRange.bound([roomId, ''], upper, false, true);
    const out = [];
    const req = s.index('room').openCursor(range, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor.continue();
      } else {
        resolve(out.reverse());
      }
    };
    req.onerror = () => reject(req.error);
  })),
  removeRoom: (roomId) => tx('entries', 'readwrite', (s) => {
    s.index('room').openCursor(IDBKeyRange.bound([roomId, ''], [roomId, '\uffff'])).onsuccess = (ev) => {
      const cursor = ev.target.result;
      if (cursor) { cursor.delete(); cursor.continue(); }
    };
  }),
};

export const outbox = {
  all: () => tx('outbox', 'readonly', (s) => done(s.getAll())),
  put: (item) => tx('outbox', 'readwrite', (s) => { s.put(item); }),
  remove: (id) => tx('outbox', 'readwrite', (s) => { s.delete(id); }),
  /** Gives a message a new ID in one transaction, so it is never in the outbox twice. */
  rename: (oldId, item) => tx('outbox', 'readwrite', (s) => { s.delete(oldId); s.put(item); }),
};

/** Attachment contents by SHA-256: content-addressed, so a stored one is never stale. */
export const blobs = {
  get: (sha) => tx('blobs', 'readonly', (s) => done(s.get(sha))),
  put: (sha, blob) => tx('blobs', 'readwrite', (s) => { s.put(blob, sha); }),
};

/** A shop's orders or bookings as last seen, by ID, found by channel. */
function byChannel(name) {
  return {
    ofChannel: (channelId) => tx(name, 'readonly', (s) => done(s.index('channel').getAll(channelId))),
    get: (id) => tx(name, 'readonly', (s) => done(s.get(id))),
    putAll: (list) => tx(name, 'readwrite', (s) => { list.forEach((x) => s.put(x)); }),
  };
}
export const orders = byChannel('orders');
export const bookings = byChannel('bookings');

/** Shop changes (order moves, booking confirm/cancel/reschedule) waiting for a site, by key. */
export const changes = {
  all: () => tx('changes', 'readonly', (s) => done(s.getAll())),
  put: (change) => tx('changes', 'readwrite', (s) => { s.put(change); }),
  remove: (key) => tx('changes', 'readwrite', (s) => { s.delete(key); }),
};

/** Forgets everything of the signed-in user (log out). */
export async function clearAll() {
  for (const name of STORES) {
    await tx(name, 'readwrite', (s) => { s.clear(); });
  }
}
