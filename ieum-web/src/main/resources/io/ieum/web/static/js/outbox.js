// Messages I wrote that no site has acknowledged yet. Each keeps its UUIDv7 from the moment it was
// written, so sending it again (after a failure, a reload or on another site) is never a duplicate:
// the server stores an ID once and answers "duplicate" to every retry.
import { api, ApiError } from './api.js';
import { outbox } from './store.js';
import { ingest } from './data.js';
import { emit } from './events.js';
import { uuidv7, uuidTime, serverNow } from './uuid.js';

const NEW_ID_MAX_AGE_MS = 50_000; // the server takes new IDs up to 60 s old
let flushing = null;
let again = false;

/** Queues a message; `files` (Blob/File) are uploaded when it is sent. */
export async function enqueue(roomId, text, { replyTo = null, files = [] } = {}) {
  const item = {
    id: uuidv7(), roomId, text, replyTo, attachments: [],
    files: files.map((f) => ({ blob: f, name: f.name || 'photo', type: f.type || 'application/octet-stream' })),
    state: 'sending', queuedAt: Date.now(),
  };
  await outbox.put(item);
  emit('outbox', item);
  flush();
  return item;
}

export async function pending(roomId) {
  return (await outbox.all()).filter((m) => m.roomId === roomId).sort((a, b) => a.id.localeCompare(b.id));
}

export async function retry(id) {
  const item = (await outbox.all()).find((m) => m.id === id);
  if (!item) return;
  item.state = 'sending';
  delete item.error;
  await outbox.put(item);
  emit('outbox', item);
  flush();
}

/** Sends everything queued, oldest first; one flush at a time, repeated if asked meanwhile. */
export function flush() {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await flushOnce();
    } while (again);
  })().finally(() => { flushing = null; });
  return flushing;
}

async function flushOnce() {
  const items = (await outbox.all()).filter((m) => m.state === 'sending').sort((a, b) => a.id.localeCompare(b.id));
  for (const item of items) {
    try {
      await sendOne(item);
    } catch (e) {
      if (e instanceof ApiError && e.permanent) {
        if (await renewIfStale(item, e)) { again = true; continue; }
        item.state = 'failed';
        item.error = e.message;
        await outbox.put(item);
        emit('outbox', item);
        continue;
      }
      return; // no site answered, or it is busy: keep everything for the next flush
    }
  }
}

async function sendOne(item) {
  for (const file of item.files) {
    if (!file.uploaded) {
      const attachment = await api.upload(file.blob, file.name);
      file.uploaded = attachment;
      item.attachments.push(attachment);
      await outbox.put(item);
    }
  }
  const res = await api.send(item.roomId, {
    id: item.id, text: item.text || '', replyTo: item.replyTo, attachments: item.attachments,
  });
  await ingest([res.entry], { live: false });
  await outbox.remove(item.id);
  emit('sent', { id: item.id, entry: res.entry });
}

/**
 * A message written long ago (offline for over a minute) is refused as too old. The refusal means
 * no site stored that ID (a stored one is accepted at any age), so a new ID cannot double it.
 */
async function renewIfStale(item, error) {
  if (error.code !== 'invalid_field' || serverNow() - uuidTime(item.id) < NEW_ID_MAX_AGE_MS) return false;
  const renewed = { ...item, id: uuidv7() };
  await outbox.rename(item.id, renewed);
  emit('renamed', { from: item.id, to: renewed.id, item: renewed });
  return true;
}
