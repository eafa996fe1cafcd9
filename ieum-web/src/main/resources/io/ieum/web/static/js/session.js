// Who is signed in: the token and user, kept in IndexedDB so the app opens offline.
import { kv, clearAll } from './store.js';
import { setToken } from './api.js';

let session = null;

export async function restore() {
  session = (await kv.get('session')) || null;
  setToken(session ? session.token : null);
  return session;
}

export async function save(token, user) {
  session = { token, user };
  setToken(token);
  await kv.set('session', session);
}

export async function updateUser(user) {
  if (!session) return;
  session = { ...session, user };
  await kv.set('session', session);
}

export function me() {
  return session ? session.user : null;
}

export async function forget() {
  session = null;
  setToken(null);
  await clearAll();
}
