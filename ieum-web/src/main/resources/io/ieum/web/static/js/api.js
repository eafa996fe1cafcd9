// REST calls of docs/protocol.md against the current site, with the session's bearer token.
import { baseUrl } from './sites.js';
import { language } from './i18n.js';
import { emit } from './events.js';

let token = null;

export function setToken(value) {
  token = value;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
  /** 4xx other than 408/429: sending the same request again cannot succeed. */
  get permanent() {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** Thrown when no answer came at all (the site is down or we are offline). */
export class NetworkError extends Error {}

export async function request(method, path, { body, raw, contentType, blob } = {}) {
  const headers = { 'Accept-Language': language() };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch(baseUrl() + path, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    emit('network-error', e);
    throw new NetworkError(e.message);
  }
  if (!res.ok) {
    let code = 'error';
    let message = res.statusText;
    try {
      const json = await res.json();
      code = json.error || code;
      message = json.message || message;
    } catch { /* not JSON */ }
    if (res.status === 401 && token) emit('unauthenticated');
    throw new ApiError(res.status, code, message);
  }
  if (blob) return res.blob();
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

const enc = encodeURIComponent;

export const api = {
  signUp: (username, password, displayName) => request('POST', '/api/accounts', { body: { username, password, displayName } }),
  logIn: (username, password, deviceName) => request('POST', '/api/sessions', { body: { username, password, deviceName } }),
  logOut: () => request('DELETE', '/api/sessions/current'),
  me: () => request('GET', '/api/me'),
  updateMe: (fields) => request('PATCH', '/api/me', { body: fields }),
  avatar: (userId) => request('GET', `/api/users/${enc(userId)}/avatar`, { blob: true }),
  sites: () => request('GET', '/api/sites'),
  friends: () => request('GET', '/api/friends'),
  addFriend: (username) => request('PUT', `/api/friends/${enc(username)}`),
  block: (username) => request('PUT', `/api/blocks/${enc(username)}`),
  unblock: (username) => request('DELETE', `/api/blocks/${enc(username)}`),
  rooms: () => request('GET', '/api/rooms'),
  room: (id) => request('GET', `/api/rooms/${enc(id)}`),
  direct: (username) => request('POST', '/api/rooms/direct', { body: { username } }),
  createGroup: (name, members) => request('POST', '/api/rooms', { body: { name, members } }),
  invite: (roomId, usernames) => request('POST', `/api/rooms/${enc(roomId)}/members`, { body: { usernames } }),
  leave: (roomId) => request('DELETE', `/api/rooms/${enc(roomId)}/members/me`),
  messages: (roomId, before, limit = 30) =>
    request('GET', `/api/rooms/${enc(roomId)}/messages?limit=${limit}${before ? `&before=${enc(before)}` : ''}`),
  send: (roomId, message) => request('POST', `/api/rooms/${enc(roomId)}/messages`, { body: message }),
  remove: (roomId, entryId) => request('DELETE', `/api/rooms/${enc(roomId)}/messages/${enc(entryId)}`),
  read: (roomId, upTo) => request('POST', `/api/rooms/${enc(roomId)}/read`, { body: { upTo } }),
  sync: (since, after) =>
    request('GET', `/api/sync?limit=200${since ? `&since=${enc(since)}` : ''}${after ? `&after=${enc(after)}` : ''}`),
  upload: (file, name) => request('POST', `/api/attachments?name=${enc(name || file.name || 'file')}`,
    { raw: file, contentType: file.type || 'application/octet-stream' }),
  attachment: (roomId, sha) => request('GET', `/api/rooms/${enc(roomId)}/attachments/${enc(sha)}`, { blob: true }),
  exportData: () => request('GET', '/api/me/export', { blob: true }),
};
