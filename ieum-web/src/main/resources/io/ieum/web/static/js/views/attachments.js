// Photos and files in messages: fetched with the bearer token (an <img src> cannot send it), kept
// as object URLs for the life of the page. Photos are also kept in IndexedDB, so a chat read with
// no site reachable still shows them.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { blobs } from '../store.js';
import { saveBlob } from './forms.js';

const KEEP_MAX_BYTES = 5 * 1024 * 1024; // larger photos are fetched again when shown
const urls = new Map();

async function photo(roomId, a) {
  const kept = await blobs.get(a.sha256).catch(() => null);
  if (kept) return kept;
  const blob = await api.attachment(roomId, a.sha256);
  if (blob.size <= KEEP_MAX_BYTES) await blobs.put(a.sha256, blob).catch(() => {});
  return blob;
}

function objectUrl(roomId, a) {
  if (!urls.has(a.sha256)) {
    const promise = photo(roomId, a).then((blob) => URL.createObjectURL(blob));
    promise.catch(() => urls.delete(a.sha256));
    urls.set(a.sha256, promise);
  }
  return urls.get(a.sha256);
}

export function isImage(type) {
  return /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(String(type || ''));
}

/** One attachment of a stored message. */
export function attachmentView(roomId, a) {
  if (isImage(a.contentType)) {
    const img = h('img', { class: 'photo', alt: a.name || t('rooms.photo'), 'data-sha': a.sha256 });
    objectUrl(roomId, a).then((url) => { img.src = url; }, () => img.classList.add('broken'));
    return img;
  }
  return h('button', { type: 'button', class: 'file', onclick: async () => {
    const blob = await api.attachment(roomId, a.sha256);
    saveBlob(blob, a.name || 'file');
  } }, t('chat.download', { name: a.name || 'file' }), h('small', {}, ` (${size(a.size)})`));
}

/** A file still in the outbox: shown from the local Blob. */
export function pendingFileView(file) {
  if (isImage(file.type)) {
    return h('img', { class: 'photo', alt: file.name, src: URL.createObjectURL(file.blob) });
  }
  return h('span', { class: 'file' }, file.name);
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
